import type { CatalogResource } from '../../model/catalog-resource';
import { Bitset } from './bitset';

/** A term's postings: positions (ascending) for rare terms, a bitset for dense ones. */
export type Postings = Int32Array | Bitset;

/** Terms in more than 1/DENSE of the catalog are kept as bitsets: cheaper to combine. */
export const DENSE = 16;

type Values = string | readonly string[] | undefined;

/**
 * Every value of one field as term numbers, in position order: `flat[ends[p-1]..ends[p])`
 * holds position p's. A frozen list is shared by many documents (theme closures, keyword
 * lists): its numbers are looked up once and copied after that.
 */
interface Numbered {
  terms: string[];
  flat: Int32Array;
  ends: Int32Array;
}

/** `flat` with room for at least `needed` values, its first `used` kept. */
function withRoom(flat: Int32Array, used: number, needed: number): Int32Array {
  if (needed <= flat.length) return flat;
  const grown = new Int32Array(Math.max(needed, flat.length * 2));
  grown.set(flat.subarray(0, used));
  return grown;
}

function number(resources: readonly CatalogResource[], valuesOf: (r: CatalogResource) => Values): Numbered {
  // A null-prototype dictionary rather than a Map: V8 internalises the looked-up strings,
  // so the tens of millions of lookups a million documents' theme closures make cost less.
  const numbers = Object.create(null) as Record<string, number>;
  const terms: string[] = [];
  const numberOf = (value: string): number => {
    let n = numbers[value];
    if (n === undefined) {
      n = terms.push(value) - 1;
      numbers[value] = n;
    }
    return n;
  };
  // Grown as needed rather than sized by a first pass: each document's field is read once,
  // and documents of many shapes make every read a slow, generic property lookup.
  let flat: Int32Array = new Int32Array(resources.length);
  const ends = new Int32Array(resources.length);
  const seenAt = new Map<readonly string[], number>();
  let at = 0;
  for (let position = 0; position < resources.length; position += 1) {
    const values = valuesOf(resources[position] as CatalogResource);
    if (typeof values === 'string') {
      flat = withRoom(flat, at, at + 1);
      flat[at++] = numberOf(values);
    } else if (values !== undefined && values.length > 0) {
      flat = withRoom(flat, at, at + values.length);
      const shared = Object.isFrozen(values);
      const first = shared ? seenAt.get(values) : undefined;
      if (first !== undefined) flat.copyWithin(at, first, first + values.length);
      else {
        if (shared) seenAt.set(values, at);
        for (let i = 0; i < values.length; i += 1) flat[at + i] = numberOf(values[i] as string);
      }
      at += values.length;
    }
    ends[position] = at;
  }
  return { terms, flat, ends };
}

/** Positions per term, a position once however often its document repeats the term. */
function countTerms({ terms, flat, ends }: Numbered): Int32Array {
  const counts = new Int32Array(terms.length);
  const last = new Int32Array(terms.length).fill(-1);
  let from = 0;
  for (let position = 0; position < ends.length; position += 1) {
    const to = ends[position] as number;
    for (let i = from; i < to; i += 1) {
      const term = flat[i] as number;
      if (last[term] === position) continue;
      last[term] = position;
      counts[term] = (counts[term] as number) + 1;
    }
    from = to;
  }
  return counts;
}

/** Fills each term's list (sized by `countTerms`) or, for a dense term, its bitset's words. */
function fill(
  { flat, ends }: Numbered,
  lists: readonly (Int32Array | undefined)[],
  words: readonly (Uint32Array | undefined)[],
): void {
  const filled = new Int32Array(lists.length);
  const last = new Int32Array(lists.length).fill(-1);
  let from = 0;
  for (let position = 0; position < ends.length; position += 1) {
    const to = ends[position] as number;
    for (let i = from; i < to; i += 1) {
      const term = flat[i] as number;
      if (last[term] === position) continue;
      last[term] = position;
      const list = lists[term];
      if (list !== undefined) {
        const at = filled[term] as number;
        list[at] = position;
        filled[term] = at + 1;
      } else {
        const bits = words[term] as Uint32Array;
        bits[position >>> 5] = (bits[position >>> 5] as number) | (1 << (position & 31));
      }
    }
    from = to;
  }
}

/**
 * term -> postings for one field over the catalog in `id` order, in two passes over term
 * numbers (count, then fill arrays of the exact size): no growing lists, no per-value
 * garbage. A position is listed once per term however often the term repeats in its document.
 */
export function buildPostings(
  resources: readonly CatalogResource[],
  valuesOf: (r: CatalogResource) => Values,
): Map<string, Postings> {
  const size = resources.length;
  const numbered = number(resources, valuesOf);
  const counts = countTerms(numbered);
  const postings: Postings[] = Array.from(counts, (count) =>
    count * DENSE > size ? new Bitset(size) : new Int32Array(count),
  );
  fill(
    numbered,
    postings.map((p) => (p instanceof Bitset ? undefined : p)),
    postings.map((p) => (p instanceof Bitset ? p.words : undefined)),
  );
  return new Map(numbered.terms.map((term, n) => [term, postings[n] as Postings]));
}
