import type { ResourceType } from '../model/catalog-resource';
import type { RdfGraph, Term } from './rdf-graph';
import { DCAT, DCT, FOAF, ODRL, RDFS, SKOS, ejpTerm, shortName } from './rdf-vocabulary';

/** A `dct:spatial`: a country IRI, or a node (usually a `dct:Location`) whose title names one. */
export interface SpatialDescription {
  iri?: string;
  texts: string[];
  /** Where the text came from, for a refusal (`Organisation row 2 Location`); `dct:spatial` when not given. */
  source?: string;
}

export interface PublisherDescription {
  /** Undefined for a blank node. */
  iri?: string;
  title?: string;
  description?: string;
  homepage?: string;
  logo?: string;
  spatial: SpatialDescription[];
}

/** What one served resource's triples say, property by property, before any mapping. */
export interface ResourceDescription {
  /** Undefined for a blank node. */
  iri?: string;
  type: ResourceType;
  title?: string;
  description?: string;
  themes: string[];
  publisher?: PublisherDescription;
  spatial: SpatialDescription[];
  populationCoverage: string[];
  landingPages: string[];
  vpConnection: string[];
  personalData: string[];
  language: string[];
  license?: string;
  keyword: string[];
  logo?: string;
  conformsTo?: string;
  accessRights?: string;
  hasPolicy?: string;
  issued?: string;
  modified?: string;
}

export interface GraphDescriptions {
  resources: ResourceDescription[];
  /** Typed subjects of types the catalog does not serve, counted by (short) type. */
  skipped: Map<string, number>;
}

/** In this order, so a node typed both `ejp:Biobank` and `dcat:Dataset` is a biobank. */
const SERVED_TYPES: readonly (readonly [ResourceType, readonly string[]])[] = [
  ['ejprd:Biobank', ejpTerm('Biobank')],
  ['ejprd:PatientRegistry', ejpTerm('PatientRegistry')],
  ['ejprd:Guideline', ejpTerm('Guideline')],
  ['dcat:Dataset', [`${DCAT}Dataset`]],
];

const LABELS = [`${RDFS}label`, `${DCT}title`, `${SKOS}prefLabel`];

function servedType(types: readonly string[]): ResourceType | undefined {
  return SERVED_TYPES.find(([, iris]) => iris.some((iri) => types.includes(iri)))?.[0];
}

const iriOf = (term: Term): string | undefined => (term.termType === 'NamedNode' ? term.value : undefined);

/** IRIs as given, literals as their text; a node stands for its labels (`rdfs:label "National"`). */
function valuesOrLabels(graph: RdfGraph, subject: Term, predicates: readonly string[]): string[] {
  return graph.objects(subject, predicates).flatMap((t) => {
    if (t.termType === 'Literal') return [t.value.trim()];
    const labels = graph.literals(t, LABELS);
    return labels.length > 0 ? labels.map((l) => l.trim()) : t.termType === 'NamedNode' ? [t.value] : [];
  });
}

function spatialOf(graph: RdfGraph, subject: Term): SpatialDescription[] {
  return graph.objects(subject, [`${DCT}spatial`]).map((t) => {
    const iri = iriOf(t);
    const texts = t.termType === 'Literal' ? [t.value] : graph.literals(t, LABELS);
    return iri === undefined ? { texts } : { iri, texts };
  });
}

function publisherOf(graph: RdfGraph, subject: Term): PublisherDescription | undefined {
  const node = graph.objects(subject, [`${DCT}publisher`]).find((t) => t.termType !== 'Literal');
  if (node === undefined) return undefined;
  return {
    iri: iriOf(node),
    title: graph.text(node, [`${DCT}title`, `${FOAF}name`, `${RDFS}label`]),
    description: graph.text(node, [`${DCT}description`]),
    homepage: graph.iris(node, [`${FOAF}homepage`, `${FOAF}page`])[0],
    logo: graph.iris(node, [`${FOAF}logo`])[0],
    spatial: spatialOf(graph, node),
  };
}

function describe(graph: RdfGraph, subject: Term, type: ResourceType): ResourceDescription {
  const first = (predicates: readonly string[]): string | undefined => graph.iris(subject, predicates)[0];
  return {
    iri: iriOf(subject),
    type,
    title: graph.text(subject, [`${DCT}title`]),
    description: graph.text(subject, [`${DCT}description`]),
    themes: graph.iris(subject, [`${DCAT}theme`]),
    publisher: publisherOf(graph, subject),
    spatial: spatialOf(graph, subject),
    populationCoverage: valuesOrLabels(graph, subject, ejpTerm('populationCoverage')),
    landingPages: graph.iris(subject, [`${DCAT}landingPage`, `${FOAF}page`]),
    vpConnection: graph.objects(subject, ejpTerm('vpConnection')).map((t) => t.value),
    personalData: graph.literals(subject, ejpTerm('personalData')),
    language: graph.objects(subject, [`${DCT}language`]).map((t) => t.value),
    license: first([`${DCT}license`]) ?? graph.literals(subject, [`${DCT}license`])[0],
    keyword: graph.literals(subject, [`${DCAT}keyword`]),
    logo: first([`${FOAF}logo`]),
    conformsTo: first([`${DCT}conformsTo`]),
    accessRights: first([`${DCT}accessRights`]),
    hasPolicy: first([`${ODRL}hasPolicy`]),
    issued: graph.literals(subject, [`${DCT}issued`])[0],
    modified: graph.literals(subject, [`${DCT}modified`])[0],
  };
}

/**
 * The resources the catalog serves (biobanks, patient registries, guidelines, datasets),
 * each described by what its triples say; every other typed subject (catalogs, data
 * services, distributions, organisations, locations, ...) counted by type, not an error.
 */
export function resourceDescriptions(graph: RdfGraph): GraphDescriptions {
  const resources: ResourceDescription[] = [];
  const skipped = new Map<string, number>();
  for (const subject of graph.typedSubjects()) {
    const types = graph.types(subject);
    const type = servedType(types);
    if (type !== undefined) resources.push(describe(graph, subject, type));
    else {
      const name = types.map(shortName).sort().join(' & ');
      skipped.set(name, (skipped.get(name) ?? 0) + 1);
    }
  }
  return { resources, skipped };
}
