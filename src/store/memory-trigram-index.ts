import { Bitset } from './memory-bitset';

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Case folding as a non-unicode `i` regex does it (ECMA-262 Canonicalize): each UTF-16
 * unit upper-cased when that gives one unit, but never from non-ASCII to ASCII. Folding
 * titles and patterns alike makes the trigram candidates a superset of the regex matches.
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

function trigramsOf(folded: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= folded.length; i += 1) grams.add(folded.slice(i, i + 3));
  return grams;
}

function intersectSorted(a: Int32Array, b: Int32Array): Int32Array {
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
  private readonly postings = new Map<string, Int32Array>();

  constructor(private readonly texts: readonly (string | undefined)[]) {
    const lists = new Map<string, number[]>();
    texts.forEach((text, position) => {
      if (text === undefined) return;
      const folded = foldCase(text);
      for (let i = 0; i + 3 <= folded.length; i += 1) {
        const gram = folded.slice(i, i + 3);
        const list = lists.get(gram);
        // A gram repeated in one text is listed once: positions arrive in ascending order.
        if (list === undefined) lists.set(gram, [position]);
        else if (list[list.length - 1] !== position) list.push(position);
      }
    });
    for (const [gram, list] of lists) this.postings.set(gram, Int32Array.from(list));
  }

  /**
   * Positions whose text may match a pattern made of `literals` (the runs between
   * wildcards): every trigram of every literal must occur. `undefined` when the literals
   * are too short to narrow anything.
   */
  candidates(literals: readonly string[]): Bitset | undefined {
    const grams = new Set<string>();
    for (const literal of literals) for (const gram of trigramsOf(foldCase(literal))) grams.add(gram);
    if (grams.size === 0) return undefined;
    const lists = [...grams].map((g) => this.postings.get(g) ?? new Int32Array(0)).sort((a, b) => a.length - b.length);
    let result = lists[0] ?? new Int32Array(0);
    for (const list of lists.slice(1)) {
      if (result.length === 0) break;
      result = intersectSorted(result, list);
    }
    return Bitset.of(this.texts.length, result);
  }
}
