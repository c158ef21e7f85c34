import fs from 'node:fs';
import path from 'node:path';
import { OTHER_VOCABULARIES } from '../model/other-vocabularies';

/** Read, not imported: the context is served from `json-ld-contexts/`, outside `src/` (and `dist/`). */
const context = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'json-ld-contexts', 'ejprd-context.json'), 'utf8')) as {
    '@context': Record<string, unknown>;
  }
)['@context'];

function prefixIri(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const id = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['@id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Lower-case CURIE prefix -> namespace IRI: the served context's prefixes, then the other known vocabularies. */
const PREFIXES: ReadonlyMap<string, string> = new Map([
  ...[...OTHER_VOCABULARIES].map(([prefix, v]) => [prefix.toLowerCase(), v.iriPrefix] as const),
  ...Object.entries(context).flatMap(([term, value]) => {
    const iri = prefixIri(value);
    return iri !== undefined && /[/#_]$/.test(iri) ? [[term.toLowerCase(), iri] as const] : [];
  }),
]);

/** The namespace of the `ejp:` terms in the served context (`https://w3id.org/ejp-rd/vocabulary#`). */
export const EJP_NAMESPACE = PREFIXES.get('ejprd') ?? 'https://w3id.org/ejp-rd/vocabulary#';

/**
 * A stored theme id as an IRI: `ordo:Orphanet_558` -> `http://www.orpha.net/ORDO/Orphanet_558`,
 * `hp:0001251` -> `http://purl.obolibrary.org/obo/HP_0001251`, `CLO:0037308` -> its OBO PURL;
 * an IRI, or a CURIE of a prefix no one defines, as given.
 */
export function themeIri(theme: string): string {
  const colon = theme.indexOf(':');
  if (colon < 0 || theme.startsWith('//', colon + 1)) return theme;
  const namespace = PREFIXES.get(theme.slice(0, colon).toLowerCase());
  return namespace === undefined ? theme : `${namespace}${theme.slice(colon + 1)}`;
}
