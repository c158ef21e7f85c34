import type { CatalogResource } from '../model/catalog-resource';
import { Bitset } from './memory-bitset';

/** A term's postings: positions (ascending) for rare terms, a bitset for dense ones. */
export type Postings = Int32Array | Bitset;

/** Terms in more than 1/DENSE of the catalog are kept as bitsets: cheaper to combine. */
const DENSE = 16;

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

function totalValues(resources: readonly CatalogResource[], valuesOf: (r: CatalogResource) => Values): number {
  let total = 0;
  for (const resource of resources) {
    const values = valuesOf(resource);
    total += typeof values === 'string' ? 1 : (values?.length ?? 0);
  }
  return total;
}

function number(resources: readonly CatalogResource[], valuesOf: (r: CatalogResource) => Values): Numbered {
  const numbers = new Map<string, number>();
  const terms: string[] = [];
  const numberOf = (value: string): number => {
    let n = numbers.get(value);
    if (n === undefined) {
      n = terms.push(value) - 1;
      numbers.set(value, n);
    }
    return n;
  };
  const flat = new Int32Array(totalValues(resources, valuesOf));
  const ends = new Int32Array(resources.length);
  const seenAt = new Map<readonly string[], number>();
  let at = 0;
  for (let position = 0; position < resources.length; position += 1) {
    const values = valuesOf(resources[position] as CatalogResource);
    if (typeof values === 'string') flat[at++] = numberOf(values);
    else if (values !== undefined && values.length > 0) {
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

/**
 * term -> postings for one field over the catalog in `id` order, in two passes over term
 * numbers (count, then fill arrays of the exact size): no growing lists, no per-value
 * garbage. A position is listed once per term however often the term repeats in its document.
 */
export function buildPostings(resources: readonly CatalogResource[], valuesOf: (r: CatalogResource) => Values): Map<string, Postings> {
  const size = resources.length;
  const { terms, flat, ends } = number(resources, valuesOf);
  const counts = new Int32Array(terms.length);
  const last = new Int32Array(terms.length).fill(-1);
  const each = (visit: (term: number, position: number) => void): void => {
    last.fill(-1);
    let from = 0;
    for (let position = 0; position < size; position += 1) {
      const to = ends[position] as number;
      for (let i = from; i < to; i += 1) {
        const term = flat[i] as number;
        if (last[term] === position) continue;
        last[term] = position;
        visit(term, position);
      }
      from = to;
    }
  };
  each((term) => (counts[term] = (counts[term] as number) + 1));
  const postings: Postings[] = terms.map((_, term) => ((counts[term] as number) * DENSE > size ? new Bitset(size) : new Int32Array(counts[term] as number)));
  const filled = new Int32Array(terms.length);
  each((term, position) => {
    const target = postings[term] as Postings;
    if (target instanceof Bitset) target.words[position >>> 5] = (target.words[position >>> 5] as number) | (1 << (position & 31));
    else {
      const at = filled[term] as number;
      target[at] = position;
      filled[term] = at + 1;
    }
  });
  return new Map(terms.map((term, n) => [term, postings[n] as Postings]));
}
