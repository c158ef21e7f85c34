import { Query } from 'mingo';
import type { CatalogResource } from '../model/catalog-resource';
import type { CatalogStore, CatalogTerms, FindResult, QueryDocument, ResultWindow } from './catalog-store';

function byId(a: CatalogResource, b: CatalogResource): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * The embedded store: the catalog in memory, queried with `mingo`, which runs the same
 * MongoDB query documents a MongoDB collection would receive. The catalog is kept sorted
 * by `id`, so a scan yields results in the order every store answers in.
 */
export class MemoryStore implements CatalogStore {
  readonly kind = 'memory' as const;
  private resources: readonly CatalogResource[] = [];
  private byIdIndex = new Map<string, CatalogResource>();

  constructor(resources: readonly CatalogResource[] = []) {
    this.swapIn(resources);
  }

  async find(query: QueryDocument, window: ResultWindow, withRecords: boolean): Promise<FindResult> {
    const compiled = new Query<CatalogResource & Record<string, unknown>>(query, {});
    const snapshot = this.resources;
    const matches = Object.keys(query).length === 0 ? snapshot : snapshot.filter((r) => compiled.test(r as CatalogResource & Record<string, unknown>));
    const records = withRecords ? matches.slice(window.offset, window.offset + window.limit) : [];
    return { total: matches.length, records };
  }

  async findById(id: string): Promise<CatalogResource | undefined> {
    return this.byIdIndex.get(id);
  }

  async terms(): Promise<CatalogTerms> {
    const snapshot = this.resources;
    return {
      themes: distinctSorted(snapshot.flatMap((r) => r.themes)),
      types: distinctSorted(snapshot.map((r) => r.type)),
      countries: distinctSorted(snapshot.flatMap((r) => (r.country ? [r.country] : []))),
    };
  }

  async replaceAll(resources: readonly CatalogResource[]): Promise<void> {
    this.swapIn(resources);
  }

  async isReady(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}

  /** Builds the new catalog aside and swaps it in with one assignment: readers never see a mix. */
  private swapIn(resources: readonly CatalogResource[]): void {
    const sorted = Object.freeze([...resources].sort(byId));
    const index = new Map(sorted.map((r) => [r.id, r] as const));
    this.resources = sorted;
    this.byIdIndex = index;
  }
}
