import type { Document } from 'mongodb';
import type { CatalogResource } from '../../model/catalog-resource';
import type { FindResult, ResultWindow } from '../catalog-store';
import type { QueryDocument } from '../../query/query-document';

/** What is stored: the resource with `_id` = `id` and its themes' closures (see `ThemeClosure`). */
export type StoredResource = CatalogResource & { _id: string; themeAncestors: string[] };

/** Every CatalogResource field, no `_id` and no `themeAncestors`: the record type decides, so a new field is not forgotten. */
const RESOURCE_FIELDS: Record<keyof CatalogResource, 1> = {
  id: 1,
  type: 1,
  title: 1,
  accessLevel: 1,
  description: 1,
  themes: 1,
  country: 1,
  publisher: 1,
  landingPages: 1,
  logo: 1,
  language: 1,
  license: 1,
  personalData: 1,
  populationCoverage: 1,
  vpConnection: 1,
  keyword: 1,
  conformsTo: 1,
  accessRights: 1,
  hasPolicy: 1,
  created: 1,
  updated: 1,
};

export const RESOURCE_PROJECTION: Readonly<Document> = Object.freeze({ _id: 0, ...RESOURCE_FIELDS });

/**
 * One round trip for the count and the window: `$match`, then a `$facet` counting every
 * match and cutting the window out of the matches sorted by `id`. Pure; no I/O.
 */
export function findPipeline(query: QueryDocument, window: ResultWindow): Document[] {
  const records: Document[] = [
    { $sort: { id: 1 } },
    { $skip: Math.max(0, Math.floor(window.offset)) },
    // MongoDB refuses `$limit: 0`; a window of no records is handled by the caller.
    { $limit: Math.max(1, Math.floor(window.limit)) },
    { $project: RESOURCE_PROJECTION },
  ];
  return [{ $match: query }, { $facet: { total: [{ $count: 'n' }], records } }];
}

/** The `$facet` output -> FindResult. `$count` of no match is no document at all in MongoDB. */
export function readFacet(output: readonly Document[]): FindResult {
  const facet = output[0];
  const counted: unknown = facet?.total?.[0]?.n;
  const records: unknown = facet?.records;
  return {
    total: typeof counted === 'number' ? counted : 0,
    records: Array.isArray(records) ? (records as CatalogResource[]) : [],
  };
}
