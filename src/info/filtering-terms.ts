import type { CatalogTerms } from '../store/catalog-store';
import { ENTITY_TYPE } from '../request/catalog-request';
import { RESOURCE_TYPES, type ResourceType } from '../model/catalog-resource';
import { portalCountryCode } from '../model/countries';
import { V1_TYPE_NAMES } from '../filters/resource-types';
import { ontologyResources } from './ontology-resources';

export type TermLabels = (id: string) => string | undefined;

export interface FilteringTerm {
  id: string;
  type: 'ontology' | 'alphanumeric' | 'custom';
  label?: string;
  values?: string[];
  scopes: string[];
}

/**
 * The framework reads `scopes` as entry-type ids (`catalog`); the VP informational-endpoints
 * doc writes endpoint names (`catalogs`). Both are listed, so either kind of client finds them.
 */
const SCOPES = [ENTITY_TYPE, 'catalogs'];

const TYPE_LABELS: Readonly<Record<string, string>> = {
  'ejprd:Biobank': 'Biobank',
  'ejprd:PatientRegistry': 'Patient registry',
  'ejprd:Guideline': 'Guideline',
  'dcat:Dataset': 'Dataset',
};

/** Alphanumeric filters that do not depend on the data (`%` wildcards allowed). */
const TEXT_FILTERS: readonly FilteringTerm[] = [
  { id: 'dct:title', type: 'alphanumeric', label: 'Title (text, % as wildcard)', scopes: SCOPES },
  { id: 'dct:description', type: 'alphanumeric', label: 'Description (text, % as wildcard)', scopes: SCOPES },
  { id: 'dct:identifier', type: 'alphanumeric', label: 'Resource identifier (@id)', scopes: SCOPES },
];

function ontologyTerm(id: string, label: string | undefined): FilteringTerm {
  return label === undefined
    ? { id, type: 'ontology', scopes: SCOPES }
    : { id, type: 'ontology', label, scopes: SCOPES };
}

function withValues(id: string, label: string, values: readonly string[]): FilteringTerm {
  const term: FilteringTerm = { id, type: 'alphanumeric', label, scopes: SCOPES };
  if (values.length > 0) term.values = [...values].sort();
  return term;
}

function v1TypeNames(types: readonly string[]): string[] {
  return RESOURCE_TYPES.filter((type: ResourceType) => types.includes(type)).map((type) => V1_TYPE_NAMES[type]);
}

/**
 * `response` of `/filtering_terms` (`sections/beaconFilteringTermsResults.json`): every
 * theme and resource type present, as ontology terms (labelled when an ontology knows
 * them), then the alphanumeric filters with the values present, in v2 and then v1 spellings.
 */
export function filteringTerms(
  terms: CatalogTerms,
  labels?: TermLabels,
  versions?: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const themes = [...new Set(terms.themes)].sort();
  const types = [...new Set(terms.types)].sort();
  const filteringTermsList: FilteringTerm[] = [
    ...themes.map((id) => ontologyTerm(id, labels?.(id))),
    ...types.map((id) => ontologyTerm(id, TYPE_LABELS[id])),
    withValues('dct:spatial', 'Country (ISO 3166-1 alpha-2)', terms.countries),
    withValues('rdf:type', 'Resource type', types),
    ...TEXT_FILTERS,
    // The v1 spellings the VP portal sends, so that a v1 client can discover them too.
    withValues('resourceTypes', 'Resource type (VP v1)', v1TypeNames(types)),
    withValues('country', 'Country (VP v1; EL for Greece)', [...new Set(terms.countries.map(portalCountryCode))]),
  ];
  const ids = [...themes, ...types, 'dct:spatial', 'rdf:type'];
  return { resources: ontologyResources(ids, versions), filteringTerms: filteringTermsList };
}
