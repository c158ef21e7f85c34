import type { Bitset } from './bitset';

/** Every match of one query: positions (ascending) when few, else a copy of the plan's bitset. */
export interface CachedAnswer {
  total: number;
  matches: Int32Array | Bitset;
}

/** Key and bookkeeping bytes an entry costs beyond its matches (a rough, safe estimate). */
const ENTRY_OVERHEAD_BYTES = 200;

/**
 * The canonical text of a query document made only of plain data (strings, numbers,
 * booleans, null, arrays and plain objects), or undefined for anything else: a Date or a
 * RegExp would serialise like a string or `{}` and could share another query's key.
 */
export function answerKey(query: unknown): string | undefined {
  return isPlainData(query, 0) ? JSON.stringify(query) : undefined;
}

function isPlainData(value: unknown, depth: number): boolean {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > 32) return false;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!isPlainData(item, depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  // Plain objects only, so `for...in` sees own keys alone.
  for (const key in value) if (!isPlainData((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

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

/**
 * Exact answers of recent query documents, per catalog snapshot (which never changes: a
 * reload builds a new snapshot and a new cache, so nothing goes stale). Portals repeat
 * their monitoring query and aggregators fan one researcher's query out to every beacon;
 * at 1,000,000 resources a repeat then costs a lookup instead of tens of thousands of
 * word operations. Bounded by bytes, least recently used dropped first.
 */
export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedAnswer | undefined {
    const found = this.entries.get(key);
    if (found === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found;
  }

  /** Keeps a copy of `set` (a scratch set the caller goes on using) under `key`; returns the entry. */
  remember(key: string, set: Bitset, total: number): CachedAnswer {
    const matches = total * 32 <= set.size ? positionsOf(set, total) : set.copy();
    const answer: CachedAnswer = { total, matches };
    const cost = costOf(key, answer);
    if (cost > this.maxBytes) return answer;
    const previous = this.entries.get(key);
    if (previous !== undefined) this.drop(key, previous);
    while (this.bytes + cost > this.maxBytes) {
      const oldest = this.entries.entries().next();
      if (oldest.done) break;
      this.drop(oldest.value[0], oldest.value[1]);
    }
    this.entries.set(key, answer);
    this.bytes += cost;
    return answer;
  }

  private drop(key: string, answer: CachedAnswer): void {
    this.entries.delete(key);
    this.bytes -= costOf(key, answer);
  }
}

function costOf(key: string, answer: CachedAnswer): number {
  const { matches } = answer;
  const matchBytes = matches instanceof Int32Array ? matches.byteLength : matches.words.byteLength;
  return ENTRY_OVERHEAD_BYTES + key.length * 2 + matchBytes;
}
