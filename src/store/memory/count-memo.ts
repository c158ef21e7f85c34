import { LRUCache } from 'lru-cache';
import { queryKey } from './query-key';

/**
 * The exact match counts of query documents planned inside a larger one, by `queryKey`:
 * tiered access asks for `{$and: [q, access]}` and then counts `q` itself, building `q`
 * anew or not. Per snapshot, at most `keep`, least recently used dropped first.
 */
export class CountMemo {
  private readonly counts: LRUCache<string, number>;

  constructor(keep: number) {
    this.counts = new LRUCache({ max: keep });
  }

  /** `key`, when the caller has it already, must be `queryKey(query)`. */
  get(query: unknown, key = queryKey(query)): number | undefined {
    return key === undefined ? undefined : this.counts.get(key);
  }

  remember(query: unknown, count: number): void {
    const key = queryKey(query);
    if (key !== undefined) this.counts.set(key, count);
  }
}
