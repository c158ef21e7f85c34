import { LRUCache } from 'lru-cache';
import type { Bitset } from './bitset';

/** Every match of one query: positions (ascending) when few, else a copy of the plan's bitset. */
export interface CachedAnswer {
  total: number;
  matches: Int32Array | Bitset;
}

/** Key and bookkeeping bytes an entry costs beyond its matches (a rough, safe estimate). */
const ENTRY_OVERHEAD_BYTES = 200;

/** The positions of `answer` in ascending order, skipping `offset`, at most `limit`. */
export function answerPositions(answer: CachedAnswer, offset: number, limit: number): number[] {
  const { matches } = answer;
  if (matches instanceof Int32Array) return Array.from(matches.subarray(offset, offset + limit));
  return matches.positions(offset, limit);
}

function positionsOf(set: Bitset, total: number): Int32Array {
  const out = new Int32Array(total);
  let at = 0;
  const { words } = set;
  for (let w = 0; w < words.length; w += 1) {
    let word = words[w] as number;
    while (word !== 0) {
      out[at++] = w * 32 + 31 - Math.clz32(word & -word);
      word = (word & (word - 1)) >>> 0;
    }
  }
  return out;
}

function costOf(answer: CachedAnswer, key: string): number {
  const { matches } = answer;
  const matchBytes = matches instanceof Int32Array ? matches.byteLength : matches.words.byteLength;
  return ENTRY_OVERHEAD_BYTES + key.length * 2 + matchBytes;
}

/**
 * Exact answers of recent query documents (by `queryKey`), per catalog snapshot, which
 * never changes: a reload builds a new snapshot and a new cache, so nothing goes stale.
 * Portals repeat their monitoring query and aggregators fan one researcher's query out to
 * every beacon; at 1,000,000 resources a repeat then costs a lookup instead of tens of
 * thousands of word operations. Bounded by bytes, least recently used dropped first.
 */
export class AnswerCache {
  private readonly entries: LRUCache<string, CachedAnswer>;

  constructor(maxBytes: number) {
    this.entries = new LRUCache({ maxSize: maxBytes, sizeCalculation: costOf });
  }

  get(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  /** Keeps a copy of `set` (a scratch set the caller goes on using) under `key`; returns the entry. */
  remember(key: string, set: Bitset, total: number): CachedAnswer {
    const matches = total * 32 <= set.size ? positionsOf(set, total) : set.copy();
    const answer: CachedAnswer = { total, matches };
    // An answer larger than the whole budget is not kept (the cache drops it at once).
    this.entries.set(key, answer);
    return answer;
  }
}
