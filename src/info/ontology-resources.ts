import { OTHER_VOCABULARIES } from '../model/other-vocabularies';

/**
 * The `resources` block of `/filtering_terms`: every vocabulary whose CURIEs appear as
 * filtering-term ids. Each carries `namespacePrefix` (as the VP examples spell it) and
 * `nameSpacePrefix` (as the beacon-v2 framework schema names it).
 */
const RESOURCES = [
  {
    id: 'ordo',
    name: 'Orphanet Rare Disease Ontology',
    url: 'http://www.orpha.net/ontology/orphanet.owl',
    prefix: 'ordo',
    iriPrefix: 'http://www.orpha.net/ORDO/',
  },
  {
    id: 'hp',
    name: 'Human Phenotype Ontology',
    url: 'http://purl.obolibrary.org/obo/hp.owl',
    prefix: 'hp',
    iriPrefix: 'http://purl.obolibrary.org/obo/HP_',
  },
  {
    id: 'ejprd',
    name: 'EJP-RD vocabulary',
    url: 'https://w3id.org/ejp-rd/vocabulary',
    prefix: 'ejprd',
    iriPrefix: 'https://w3id.org/ejp-rd/vocabulary#',
  },
  {
    id: 'dcat',
    name: 'DCAT 2 Vocabulary',
    url: 'https://www.w3.org/ns/dcat2.ttl',
    prefix: 'dcat',
    iriPrefix: 'http://www.w3.org/ns/dcat#',
  },
  {
    id: 'dct',
    name: 'DCMI Metadata Terms',
    url: 'http://purl.org/dc/terms/',
    prefix: 'dct',
    iriPrefix: 'http://purl.org/dc/terms/',
  },
  {
    id: 'rdf',
    name: 'RDF vocabulary',
    url: 'http://www.w3.org/1999/02/22-rdf-syntax-ns',
    prefix: 'rdf',
    iriPrefix: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  },
] as const;

export type OntologyResource = Readonly<Record<string, string>>;

/** A CURIE's prefix as written (`CLO` of `CLO:0037308`); none for a plain IRI (`https://...`). */
function curiePrefix(id: string): string | undefined {
  const colon = id.indexOf(':');
  return colon > 0 && !id.startsWith('//', colon + 1) ? id.slice(0, colon) : undefined;
}

/** Another vocabulary's resource: described where `OTHER_VOCABULARIES` knows it, else named by its prefix. */
function otherResource(prefix: string): OntologyResource {
  const known = OTHER_VOCABULARIES.get(prefix);
  return {
    id: prefix.toLowerCase(),
    name: known?.name ?? prefix,
    namespacePrefix: prefix,
    nameSpacePrefix: prefix,
    ...(known && { iriPrefix: known.iriPrefix }),
  };
}

/** The resources whose prefixes the given term ids use: the built-in ones in a fixed order, then the others by prefix. */
export function ontologyResources(
  termIds: readonly string[],
  versions: Readonly<Record<string, string>> = {},
): OntologyResource[] {
  const used = new Set(termIds.flatMap((id) => curiePrefix(id) ?? []));
  const builtIn = new Set<string>(RESOURCES.map((r) => r.prefix));
  const lowerUsed = new Set([...used].map((prefix) => prefix.toLowerCase()));
  const others = [...used].filter((prefix) => !builtIn.has(prefix.toLowerCase())).sort();
  return [
    ...RESOURCES.filter((r) => lowerUsed.has(r.prefix)).map((r) => {
      const version = versions[r.id];
      return {
        id: r.id,
        name: r.name,
        url: r.url,
        ...(version !== undefined && { version }),
        namespacePrefix: r.prefix,
        nameSpacePrefix: r.prefix,
        iriPrefix: r.iriPrefix,
      };
    }),
    ...others.map(otherResource),
  ];
}
