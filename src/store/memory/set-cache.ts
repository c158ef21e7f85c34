import { LRUCache } from 'lru-cache';
import type { Bitset } from './bitset';

/** A set kept with its count, which a hit then need not count again. */
export interface CountedSet {
  set: Bitset;
  count: number;
  /** What finding the set cost (characters a `%` match scanned), so a hit can count it again. */
  cost: number;
}

/**
 * The matches of recent costly conditions (by a key naming the condition), per catalog
 * snapshot (which never changes, so nothing goes stale), at most `keep` of them, least
 * recently used dropped first: 125 KB each at 1,000,000 resources. A hit is one copy of the
 * words into a scratch set. The embedded store keeps one for `$regex` matches (a `%` search
 * checks its candidates one by one) and one for clauses on type, country and access level.
 */
export class SetCache {
  private readonly entries: LRUCache<string, CountedSet>;

  constructor(keep: number) {
    this.entries = new LRUCache({ max: keep });
  }

  /** The cached matches copied into `into`, with their count; or undefined. */
  copyInto(key: string, into: Bitset): CountedSet | undefined {
    const found = this.entries.get(key);
    if (found === undefined) return undefined;
    return { set: into.copyFrom(found.set), count: found.count, cost: found.cost };
  }

  /** Keeps a copy of `matches` (a scratch set the caller goes on using) and what it cost; returns its count. */
  remember(key: string, matches: Bitset, cost = 0): number {
    const count = matches.count();
    this.entries.set(key, { set: matches.copy(), count, cost });
    return count;
  }
}
