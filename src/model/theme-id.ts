import { canonicalTerm } from './curie';

/** An OBO PURL: `http://purl.obolibrary.org/obo/CLO_0037308` is `CLO:0037308`. */
const OBO_PURL = /^https?:\/\/purl\.obolibrary\.org\/obo\/([a-z][a-z0-9]*)_(.+)$/i;
/** `obo:NCIT_C28421`, the OBO namespace written as a CURIE prefix. */
const OBO_CURIE = /^obo:([a-z][a-z0-9]*)_(.+)$/i;
const EFO_IRI = /^https?:\/\/www\.ebi\.ac\.uk\/efo\/EFO_(.+)$/i;
/** An IRI with an authority (`https://...`, `urn:` has none and reads as a CURIE). */
const IRI = /^[a-z][a-z0-9+.-]*:\/\//i;
const CURIE = /^([a-z_][\w.-]*):(\S+)$/i;

/**
 * A theme in its canonical spelling, as stored and as filters are compared with it:
 * ORDO and HPO as `ordo:Orphanet_<n>` and `hp:<7 digits>`; OBO PURLs, `obo:X_n` and EFO
 * IRIs as `X:n`; any other CURIE with its prefix in upper case (prefixes match whatever
 * case they are written in, `clo:` and `CLO:` alike, and OBO writes them upper case); any
 * other IRI as given. `undefined` for a string that is neither CURIE nor IRI.
 */
export function canonicalThemeId(raw: string): string | undefined {
  const text = raw.trim();
  const known = canonicalTerm(text);
  if (known) return known;
  const obo = OBO_PURL.exec(text) ?? OBO_CURIE.exec(text);
  if (obo?.[1] && obo[2]) return `${obo[1].toUpperCase()}:${obo[2]}`;
  const efo = EFO_IRI.exec(text);
  if (efo?.[1]) return `EFO:${efo[1]}`;
  if (IRI.test(text)) return /\s/.test(text) ? undefined : text;
  const curie = CURIE.exec(text);
  return curie?.[1] && curie[2] ? `${curie[1].toUpperCase()}:${curie[2]}` : undefined;
}

/**
 * What decides whether a filter can name a theme: the lower-case CURIE prefix of a
 * canonical theme id (`ordo`, `hp`, `clo`), or for a plain IRI its namespace, up to the
 * last `/` or `#`.
 */
export function themeIdPrefix(canonical: string): string {
  if (IRI.test(canonical))
    return canonical.slice(0, Math.max(canonical.lastIndexOf('/'), canonical.lastIndexOf('#')) + 1).toLowerCase();
  return canonical.slice(0, canonical.indexOf(':')).toLowerCase();
}

/** The prefixes of a catalog's themes (`themeIdPrefix` of each). */
export function themePrefixesOf(themes: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const theme of themes) prefixes.add(themeIdPrefix(theme));
  return prefixes;
}
