/** The namespaces of the EJP-RD Resource Metadata model, as published files spell them. */
export const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
export const DCT = 'http://purl.org/dc/terms/';
export const DCAT = 'http://www.w3.org/ns/dcat#';
export const FOAF = 'http://xmlns.com/foaf/0.1/';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const SKOS = 'http://www.w3.org/2004/02/skos/core#';
export const ODRL = 'http://www.w3.org/ns/odrl/2/';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';

/**
 * The `ejp:` vocabulary appears under three namespaces in published files (the schema's own
 * examples, its docs and FDPs); all three mean the same terms.
 */
export const EJP_NAMESPACES = [
  'http://purl.org/ejp-rd/vocabulary/',
  'https://w3id.org/ejp-rd/vocabulary#',
  'https://purl.archive.org/ejp-rd/vocabulary/',
] as const;

/** The IRIs of one `ejp:` term, under each namespace. */
export function ejpTerm(local: string): string[] {
  return EJP_NAMESPACES.map((ns) => `${ns}${local}`);
}

/** `VPDiscoverable` for an `ejp:` IRI under any of its namespaces; else undefined. */
export function ejpLocalName(iri: string): string | undefined {
  const ns = EJP_NAMESPACES.find((candidate) => iri.startsWith(candidate));
  return ns === undefined ? undefined : iri.slice(ns.length);
}

const PREFIXES: readonly (readonly [string, string])[] = [
  ['dct', DCT],
  ['dcat', DCAT],
  ['foaf', FOAF],
  ['rdfs', RDFS],
  ['sio', 'http://semanticscience.org/resource/'],
  ['fdp-o', 'https://w3id.org/fdp/fdp-o#'],
  ['vcard', 'http://www.w3.org/2006/vcard/ns#'],
];

/** A type IRI written short for a summary line (`dcat:Distribution`); an unknown namespace stays whole. */
export function shortName(iri: string): string {
  const ejp = ejpLocalName(iri);
  if (ejp !== undefined) return `ejp:${ejp}`;
  const known = PREFIXES.find(([, ns]) => iri.startsWith(ns));
  return known ? `${known[0]}:${iri.slice(known[1].length)}` : iri;
}
