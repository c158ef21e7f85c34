/** Grams of units below 1024 (nearly all) are small integers below this; the others at or above it. */
const WIDE = 1 << 30;

/**
 * Three UTF-16 units as one number, exact and without a substring per gram: 10 bits a unit
 * when all three are below 1024, so the key is a small integer V8 neither boxes nor hashes
 * as a double; otherwise 16 bits a unit above `WIDE`.
 */
export function gramAt(text: string, i: number): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  const c = text.charCodeAt(i + 2);
  if ((a | b | c) < 1024) return (a << 20) | (b << 10) | c;
  return WIDE + a * 4294967296 + b * 65536 + c;
}

/** Grams of three ASCII units, 7 bits a unit: the slots of `GramNumbers`' direct table. */
const ASCII_GRAMS = 1 << 21;

/**
 * Gram -> dense number (first seen first) while building: a direct table for ASCII grams,
 * which titles are nearly made of, so the two passes over ~60 grams a title hash nothing;
 * a Map for the rest. `keys[n]` is number n's `gramAt` key.
 */
class GramNumbers {
  readonly keys: number[] = [];
  /** Number + 1 per ASCII gram; 0 when not seen. */
  private readonly ascii = new Int32Array(ASCII_GRAMS);
  private readonly other = new Map<number, number>();

  numberAt(text: string, i: number): number {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    if ((a | b | c) >= 128) return this.numberOther(gramAt(text, i));
    const slot = (a << 14) | (b << 7) | c;
    const known = this.ascii[slot] as number;
    if (known !== 0) return known - 1;
    this.ascii[slot] = this.keys.push((a << 20) | (b << 10) | c);
    return this.keys.length - 1;
  }

  private numberOther(key: number): number {
    let n = this.other.get(key);
    if (n === undefined) {
      n = this.keys.push(key) - 1;
      this.other.set(key, n);
    }
    return n;
  }
}

/** Positions per gram number, a position once however often its text repeats the gram. */
function countGrams(folded: readonly (string | undefined)[], numbers: GramNumbers): number[] {
  const counts: number[] = [];
  const last: number[] = [];
  for (let position = 0; position < folded.length; position += 1) {
    const text = folded[position];
    if (text === undefined) continue;
    for (let i = 0; i + 3 <= text.length; i += 1) {
      const n = numbers.numberAt(text, i);
      if (n === counts.length) {
        counts.push(0);
        last.push(-1);
      }
      if (last[n] === position) continue;
      last[n] = position;
      counts[n] = (counts[n] as number) + 1;
    }
  }
  return counts;
}

/** Fills `lists` (sized by `countGrams`) with positions, ascending. */
function fillGrams(folded: readonly (string | undefined)[], numbers: GramNumbers, lists: readonly Int32Array[]): void {
  const filled = new Int32Array(lists.length);
  const last = new Int32Array(lists.length).fill(-1);
  for (let position = 0; position < folded.length; position += 1) {
    const text = folded[position];
    if (text === undefined) continue;
    for (let i = 0; i + 3 <= text.length; i += 1) {
      const n = numbers.numberAt(text, i);
      if (last[n] === position) continue;
      last[n] = position;
      const at = filled[n] as number;
      (lists[n] as Int32Array)[at] = position;
      filled[n] = at + 1;
    }
  }
}

/**
 * Gram key (`gramAt`) -> positions (ascending) over folded texts, in two passes (count,
 * then fill arrays of the exact size): no growing lists.
 */
export function buildTrigramPostings(folded: readonly (string | undefined)[]): Map<number, Int32Array> {
  const numbers = new GramNumbers();
  const lists = countGrams(folded, numbers).map((count) => new Int32Array(count));
  fillGrams(folded, numbers, lists);
  return new Map(numbers.keys.map((key, n) => [key, lists[n] as Int32Array]));
}
