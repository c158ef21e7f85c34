import type { Bitset } from './bitset';

/** A set kept with its count, which a hit then need not count again. */
export interface CountedSet {
  set: Bitset;
  count: number;
  /** What finding the set cost (characters a `%` match scanned), so a hit can count it again. */
  cost: number;
}

/**
 * The matches of recent costly conditions, per catalog snapshot (which never changes, so
 * nothing goes stale: a reload builds a new snapshot and new caches), at most `keep` of
 * them, least recently used dropped first: 125 KB each at 1,000,000 resources. A hit is one
 * copy of the words. The embedded store keeps one for `$regex` matches (a `%` search checks
 * its candidates one by one) and one for clauses on type, country and access level.
 */
export class SetCache {
  private readonly entries = new Map<string, CountedSet>();

  constructor(private readonly keep: number) {}

  /** The cached matches copied into `into`, with their count; or undefined. */
  copyInto(key: string, into: Bitset): CountedSet | undefined {
    const found = this.entries.get(key);
    if (found === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, found);
    return { set: into.copyFrom(found.set), count: found.count, cost: found.cost };
  }

  /** Keeps a copy of `matches` (a scratch set the caller goes on using) and what it cost; returns its count. */
  remember(key: string, matches: Bitset, cost = 0): number {
    if (this.entries.size >= this.keep) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const count = matches.count();
    this.entries.set(key, { set: matches.copy(), count, cost });
    return count;
  }
}
