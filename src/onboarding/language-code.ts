/** Namespaces whose last segment is an ISO 639-1 code: the one the template asks for, and Lexvo's. */
const ISO_639_1_NAMESPACES = [
  /^https?:\/\/id\.loc\.gov\/vocabulary\/iso639-1\//i,
  /^https?:\/\/lexvo\.org\/id\/iso639-1\//i,
];
const CODE = /^[a-z]{2}$/i;

/**
 * The ISO 639-1 code of a `dct:language` value: an IRI such as
 * `http://id.loc.gov/vocabulary/iso639-1/en`, or a literal two-letter code (any case, a
 * region tag such as `en-GB` dropped). Undefined for anything else.
 */
export function languageCode(value: string): string | undefined {
  const text = value.trim();
  const namespace = ISO_639_1_NAMESPACES.find((ns) => ns.test(text));
  const code = namespace ? text.replace(namespace, '') : (text.split(/[-_]/)[0] ?? '');
  return CODE.test(code) ? code.toLowerCase() : undefined;
}
