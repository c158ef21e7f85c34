import { Bitset } from './bitset';
import { DENSE, type Postings } from './postings';
import { sortPositions } from './sort-positions';

const countOf = (postings: Postings): number => (postings instanceof Bitset ? postings.count() : postings.length);

/** The ascending, duplicate-free union of sorted position lists holding `total` positions in all, each below `size`. */
function unionOfLists(lists: readonly Int32Array[], total: number, size: number): Int32Array {
  const all = new Int32Array(total);
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  sortPositions(all, size);
  let kept = 0;
  for (let i = 0; i < all.length; i += 1) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i] as number;
  return kept === all.length ? all : all.slice(0, kept);
}

/** The union of several terms' postings, as a list or a bitset by the same rule as `buildPostings`. */
function unionOf(sources: readonly Postings[], size: number): Postings {
  if (sources.length === 1) return sources[0] as Postings;
  let total = 0;
  for (const source of sources) total += countOf(source);
  // Sparse in all means lists only: a bitset source alone is more than 1/DENSE of the catalog.
  if (total * DENSE <= size) return unionOfLists(sources as Int32Array[], total, size);
  const union = new Bitset(size);
  for (const source of sources) source instanceof Bitset ? union.or(source) : union.addAll(source);
  const count = union.count();
  return count * DENSE > size ? union : Int32Array.from(union.positions());
}

/**
 * The postings of a field derived from another's: a position holds term A when it holds a
 * value whose closure (`closureOf`, the value included) contains A. The embedded store
 * derives `themeAncestors` from `themes` this way, once per term rather than once per
 * resource: a million resources' ancestors are fifty million values, their themes' closures
 * a few tens of thousands. A term reached from one value only shares that value's postings.
 */
export function closurePostings(
  base: ReadonlyMap<string, Postings>,
  closureOf: (value: string) => readonly string[],
  size: number,
): Map<string, Postings> {
  const sources = new Map<string, Postings[]>();
  for (const [value, postings] of base) {
    for (const term of closureOf(value)) {
      const known = sources.get(term);
      if (known === undefined) sources.set(term, [postings]);
      else known.push(postings);
    }
  }
  const derived = new Map<string, Postings>();
  for (const [term, from] of sources) derived.set(term, unionOf(from, size));
  return derived;
}
