import { MemoryStore } from '../../src/store/memory/memory-store';
import type { CatalogResource } from '../../src/model/catalog-resource';
import type { FindResult, ResultWindow } from '../../src/store/catalog-store';
import type { QueryDocument } from '../../src/query/query-document';

/** The embedded store, keeping every query document it was asked, for inspection. */
export class RecordingStore extends MemoryStore {
  readonly queries: QueryDocument[] = [];

  constructor(resources: readonly CatalogResource[]) {
    super([...resources]);
  }

  override async find(query: QueryDocument, window: ResultWindow, withRecords: boolean): Promise<FindResult> {
    this.queries.push(query);
    return super.find(query, window, withRecords);
  }
}

/** Keys a query document may hold: the field map of `src/query/` and the operators it writes. */
export const ALLOWED_QUERY_KEYS = new Set([
  '$and',
  '$or',
  '$nor',
  '$in',
  '$nin',
  '$regex',
  '$options',
  '$exists',
  'themes',
  'themeAncestors',
  'type',
  'country',
  'title',
  'description',
  'id',
  'accessLevel',
]);

/** Every object key anywhere in a query document. */
export function queryKeys(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => queryKeys(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      found.add(key);
      queryKeys(child, found);
    }
  }
  return found;
}
