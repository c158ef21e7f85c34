import type { OntologyIndex } from '../ontology/ontology-index';

/**
 * The internal form of parsed filters. Filters are ANDed; the clauses of one filter are
 * ORed (an `id` array may name themes and resource types at once).
 */
export type TermField = 'themes' | 'themeAncestors' | 'type' | 'country';
export type PatternField = 'title' | 'description' | 'id';

export type Clause =
  | { kind: 'terms'; field: TermField; values: string[]; negate: boolean }
  /** `patterns` are user text with `%` wildcards; escaping happens in `src/query/`. */
  | { kind: 'pattern'; field: PatternField; patterns: string[]; negate: boolean };

export type FilterGroup = readonly Clause[];

export type Dialect = 'v1' | 'v2';

export interface ParsedFilters {
  groups: FilterGroup[];
  /** Filter ids or values that were ignored, as the VP spec lists them. */
  unsupported: string[];
  /** Human-readable remarks (obsolete terms replaced...), shown in v2 renderings only. */
  notes: string[];
  /** The dialects the supported filters were written in. */
  dialects: ReadonlySet<Dialect>;
  /** Each filter as one string, for `receivedRequestSummary.filters`. */
  echo: string[];
}

/** What filter parsing needs of the loaded ontologies (`OntologyIndex`): spellings, parents, children. */
export type FilterOntology = Pick<OntologyIndex, 'resolve' | 'parents' | 'children'>;

export interface FilterLimits {
  maxFilters: number;
  maxValuesPerFilter: number;
  maxStringLength: number;
}

export interface FilterOptions {
  includeDescendantTermsDefault: boolean;
  limits: FilterLimits;
  /** Absent when no ontology is loaded: themes then match as written, exactly. */
  ontology?: FilterOntology;
  /** Prefixes of the catalog's themes, so filters may name vocabularies beyond ORDO and HPO. */
  themePrefixes?: ReadonlySet<string>;
}
