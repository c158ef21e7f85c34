import type { CatalogResource } from '../model/catalog-resource';
import type { QueryDocument } from '../query/query-document';

/**
 * A theme and its ontology ancestors (the theme itself first). A query document's
 * `themeAncestors` field means the union of a resource's themes' closures, so that "X or any
 * descendant" is one `$in`. Every store takes the closure with the catalog and keeps the
 * field in whichever form suits it (MongoDB stores it per document, the embedded store
 * derives its postings per theme); records never carry it.
 */
export type ThemeClosure = (theme: string) => readonly string[];

/** Without ontologies a theme's closure is the theme alone. */
export const themeAlone: ThemeClosure = (theme) => [theme];

/** A resource's `themeAncestors`: the union of its themes' closures. */
export function themeAncestorsOf(themes: readonly string[], closure: ThemeClosure): string[] {
  return [...new Set(themes.flatMap(closure))];
}

/** What a catalog is handed to a store with. */
export interface CatalogExtras {
  /** Each theme's closure; `themeAlone` when not given. */
  themeClosure?: ThemeClosure;
}

/** A window on the results sorted by `id`: `offset` is in records, not pages. */
export interface ResultWindow {
  offset: number;
  limit: number;
}

export interface FindResult {
  /** Every match, not the window's size. */
  total: number;
  /** The window's records, sorted by `id` ascending; empty when records were not asked for. */
  records: CatalogResource[];
}

/** What `/filtering_terms` is derived from: distinct values present in the catalog. */
export interface CatalogTerms {
  themes: string[];
  types: string[];
  countries: string[];
}

/**
 * Where the catalog lives. The embedded store and the MongoDB store receive the very same
 * query documents and must return identical answers.
 */
export interface CatalogStore {
  readonly kind: 'memory' | 'mongodb';
  /** Count the matches and, when `withRecords`, return the window of records. */
  find(query: QueryDocument, window: ResultWindow, withRecords: boolean): Promise<FindResult>;
  findById(id: string): Promise<CatalogResource | undefined>;
  /** The distinct values of every document, or (with `among`) of the documents matching it. */
  terms(among?: QueryDocument): Promise<CatalogTerms>;
  /**
   * The prefixes of the catalog's themes (`themeIdPrefix`), read on every query that names a
   * vocabulary beyond ORDO and HPO: kept per catalog (the embedded store) or for a while (MongoDB).
   */
  themePrefixes(): Promise<ReadonlySet<string>>;
  /** Swap the whole catalog in at once: queries see the old catalog or the new one, never a mix. */
  replaceAll(resources: readonly CatalogResource[], extras?: CatalogExtras): Promise<void>;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
