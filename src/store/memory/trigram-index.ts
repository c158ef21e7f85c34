import type { Bitset } from './bitset';
import type { Lease } from './scratch-sets';
import type { TextBudget } from './text-budget';
import { buildTrigramPostings, foldCase, gramAt, type TrigramPostings } from './trigram-build';

/**
 * Whether folded `text` matches `^L0[\s\S]*L1 … [\s\S]*Ln$` for the folded literals: L0 a
 * prefix, Ln a suffix, the middle ones in order between them. Leftmost matching of each
 * middle literal is enough, as the gaps match anything.
 */
export function matchesLiterals(text: string, literals: readonly string[]): boolean {
  const first = literals[0] ?? '';
  if (literals.length === 1) return text === first;
  const last = literals[literals.length - 1] ?? '';
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  for (let i = 1; i < literals.length - 1; i += 1) {
    const literal = literals[i] as string;
    if (literal.length === 0) continue;
    const found = text.indexOf(literal, at);
    if (found < 0 || found + literal.length > end) return false;
    at = found + literal.length;
  }
  return true;
}

/** The first index of `list` at or after `from` whose value is >= `value` (galloping, then binary search). */
function seek(list: Int32Array, from: number, value: number): number {
  let step = 1;
  let high = from;
  while (high < list.length && (list[high] as number) < value) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (from < high) {
    const mid = (from + high) >>> 1;
    if ((list[mid] as number) < value) from = mid + 1;
    else high = mid;
  }
  return from;
}

/** `short` ∩ `long` when `long` is much longer: each of `short` sought in `long`. */
function intersectGalloping(short: Int32Array, long: Int32Array): Int32Array {
  const out = new Int32Array(short.length);
  let k = 0;
  let j = 0;
  for (let i = 0; i < short.length && j < long.length; i += 1) {
    const x = short[i] as number;
    j = seek(long, j, x);
    if (long[j] === x) out[k++] = x;
  }
  return out.subarray(0, k);
}

function intersectSorted(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length > 8 * a.length) return intersectGalloping(a, b);
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[k++] = x;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return out.subarray(0, k);
}

/** Trigram -> positions (ascending) over one text field's folded values: the `%` search index. */
export class TrigramIndex {
  private readonly postings = new Map<number, Int32Array>();

  /** `built`: by `buildTrigramPostings`, here or in the thread that loaded the catalog. */
  constructor(private readonly built: TrigramPostings) {
    const { keys, gramEnds, positions } = built;
    for (let n = 0; n < keys.length; n += 1)
      this.postings.set(keys[n] as number, positions.subarray(n === 0 ? 0 : gramEnds[n - 1], gramEnds[n]));
  }

  /** Built in this thread. */
  static of(texts: readonly string[]): TrigramIndex {
    return new TrigramIndex(buildTrigramPostings(texts));
  }

  /**
   * Positions whose text may match a pattern made of `literals` (the runs between
   * wildcards): every trigram of every literal must occur, rarest first. `undefined` when
   * the literals are too short to narrow anything. With `budget`, each merge of two lists
   * is counted (at most the shorter list times the galloping factor) before it runs.
   */
  candidates(literals: readonly string[], lease: Lease, budget?: TextBudget): Bitset | undefined {
    const grams = new Set<number>();
    for (const literal of literals) {
      const folded = foldCase(literal);
      for (let i = 0; i + 3 <= folded.length; i += 1) grams.add(gramAt(folded, i));
    }
    if (grams.size === 0) return undefined;
    const lists = [...grams].map((g) => this.postings.get(g) ?? new Int32Array(0)).sort((a, b) => a.length - b.length);
    let result = lists[0] ?? new Int32Array(0);
    budget?.spend(result.length);
    for (const list of lists.slice(1)) {
      if (result.length === 0) break;
      budget?.spend(Math.min(result.length + list.length, 9 * result.length));
      result = intersectSorted(result, list);
    }
    const set = lease.empty();
    set.addAll(result);
    return set;
  }

  /**
   * In place: keeps the positions of `set` whose text matches the anchored wildcard pattern
   * of `literals`. With `budget`, each title's length (and the pattern's) is counted before it is read.
   */
  keepMatching(set: Bitset, literals: readonly string[], budget?: TextBudget): Bitset {
    const folded = literals.map(foldCase);
    const overhead = folded.reduce((sum, literal) => sum + literal.length, 0);
    const { text, textEnds } = this.built;
    return set.retain((position) => {
      const start = position === 0 ? 0 : (textEnds[position - 1] as number);
      const end = textEnds[position] as number;
      budget?.spend(end - start + overhead);
      return matchesLiterals(text.slice(start, end), folded);
    });
  }
}
