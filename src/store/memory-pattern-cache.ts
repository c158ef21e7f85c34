import { Bitset } from './memory-bitset';

/** At most this many patterns' matches are kept per catalog: 4 MB at 1,000,000 resources. */
const KEEP = 32;

/**
 * The matches of recent `$regex` conditions, per catalog snapshot (which never changes, so
 * nothing goes stale: a reload builds a new snapshot and a new cache). A `%` search is the
 * one plan step that checks candidates one by one (about 40,000 for a common word at
 * 1,000,000 titles); portals repeat the same searches, and a hit is one word-wise copy.
 */
export class PatternCache {
  private readonly entries = new Map<string, Bitset>();

  /** The cached matches copied into `into`, or undefined. */
  copyInto(key: string, into: Bitset): Bitset | undefined {
    const found = this.entries.get(key);
    if (found === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, found);
    return into.clear().or(found);
  }

  /** Keeps a copy of `matches` (a scratch set the caller goes on using). */
  remember(key: string, matches: Bitset): void {
    if (this.entries.size >= KEEP) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, matches.copy());
  }
}
