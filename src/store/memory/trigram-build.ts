// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included, is the point
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Case folding as a non-unicode `i` regex does it (ECMA-262 Canonicalize): each UTF-16
 * unit upper-cased when that gives one unit, but never from non-ASCII to ASCII. Folding
 * titles and patterns alike makes the trigram candidates a superset of the regex matches,
 * and an anchored wildcard regex with `i` a plain match of the folded literals.
 */
export function foldCase(text: string): string {
  if (ASCII.test(text)) return text.toUpperCase();
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text[i] as string;
    const upper = unit.toUpperCase();
    out += upper.length !== 1 || (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? unit : upper;
  }
  return out;
}

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
function countGrams(folded: readonly string[], numbers: GramNumbers): number[] {
  const counts: number[] = [];
  const last: number[] = [];
  for (let position = 0; position < folded.length; position += 1) {
    const text = folded[position] as string;
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

/**
 * A text field's `%` search index, flat: the texts case-folded and joined, text p being
 * `text[textEnds[p-1]..textEnds[p])` (from 0 for the first); and every gram's positions,
 * gram `keys[n]` (a `gramAt` key) holding `positions[gramEnds[n-1]..gramEnds[n])`,
 * ascending. One string and a few typed arrays rather than a string and a list per title:
 * they cross from a worker thread as they are, and the garbage collector sees a handful of
 * objects instead of a million.
 */
export interface TrigramPostings {
  text: string;
  textEnds: Int32Array<ArrayBuffer>;
  keys: Float64Array<ArrayBuffer>;
  gramEnds: Int32Array<ArrayBuffer>;
  positions: Int32Array<ArrayBuffer>;
}

/** The buffers to hand over, rather than copy, when posting `postings` to another thread. */
export function trigramBuffers({ textEnds, keys, gramEnds, positions }: TrigramPostings): ArrayBuffer[] {
  return [textEnds.buffer, keys.buffer, gramEnds.buffer, positions.buffer];
}

/** Fills each gram's run of `positions` (sized by `countGrams`), ascending. */
function fillGrams(folded: readonly string[], numbers: GramNumbers, ends: Int32Array, positions: Int32Array): void {
  const next = new Int32Array(ends.length);
  for (let n = 1; n < ends.length; n += 1) next[n] = ends[n - 1] as number;
  const last = new Int32Array(ends.length).fill(-1);
  for (let position = 0; position < folded.length; position += 1) {
    const text = folded[position] as string;
    for (let i = 0; i + 3 <= text.length; i += 1) {
      const n = numbers.numberAt(text, i);
      if (last[n] === position) continue;
      last[n] = position;
      const at = next[n] as number;
      positions[at] = position;
      next[n] = at + 1;
    }
  }
}

/** The index of `texts`: folded, then gram -> positions in two passes (count, then fill runs of the exact size). */
export function buildTrigramPostings(texts: readonly string[]): TrigramPostings {
  const folded = texts.map(foldCase);
  const textEnds = new Int32Array(folded.length);
  let length = 0;
  for (let p = 0; p < folded.length; p += 1) textEnds[p] = length += (folded[p] as string).length;
  const numbers = new GramNumbers();
  const counts = countGrams(folded, numbers);
  const gramEnds = new Int32Array(counts.length);
  let total = 0;
  for (let n = 0; n < counts.length; n += 1) gramEnds[n] = total += counts[n] as number;
  const positions = new Int32Array(total);
  fillGrams(folded, numbers, gramEnds, positions);
  return { text: folded.join(''), textEnds, keys: Float64Array.from(numbers.keys), gramEnds, positions };
}
