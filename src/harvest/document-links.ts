import type { Quad } from 'n3';
import { DCAT } from '../onboarding/rdf-vocabulary';

/**
 * What an FDP links its children by: the FDP specification's `fdp-o:metadataCatalog` (root ->
 * catalogs) and LDP containers, DCAT's `dcat:catalog`/`dcat:dataset`/`dcat:resource`, and the
 * `r3d:dataCatalog` of FDPs published before fdp-o.
 */
export const LINK_PREDICATES: readonly string[] = [
  'https://w3id.org/fdp/fdp-o#metadataCatalog',
  `${DCAT}catalog`,
  `${DCAT}dataset`,
  `${DCAT}resource`,
  'http://www.w3.org/ns/ldp#contains',
  'http://www.re3data.org/schema/3-0#dataCatalog',
];

/** The document a link names: its IRI without the fragment; undefined for a non-HTTP(S) IRI. */
export function documentUrl(iri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(iri);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  return url.href;
}

/** The documents one document links to, in its order, without duplicates. */
export function documentLinks(quads: readonly Quad[]): string[] {
  const links = new Set<string>();
  for (const quad of quads) {
    if (quad.object.termType !== 'NamedNode' || !LINK_PREDICATES.includes(quad.predicate.value)) continue;
    const url = documentUrl(quad.object.value);
    if (url !== undefined) links.add(url);
  }
  return [...links];
}
