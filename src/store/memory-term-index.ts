import type { CatalogResource } from '../model/catalog-resource';
import { Bitset } from './memory-bitset';

/**
 * The fields a `$in`/`$nin` may name that the embedded store indexes exactly. `accessLevel`
 * is what tiered access restricts every anonymous query by (a missing level is public).
 */
export const TERM_INDEXED_FIELDS = ['type', 'country', 'themes', 'themeAncestors', 'accessLevel'] as const;
export type TermIndexedField = (typeof TERM_INDEXED_FIELDS)[number];

/** A term's postings: positions (ascending) for rare terms, a bitset for dense ones. */
type Postings = Int32Array | Bitset;

/** Terms in more than 1/DENSE of the catalog are kept as bitsets: cheaper to combine. */
const DENSE = 16;

function valuesOf(resource: CatalogResource, field: TermIndexedField): readonly string[] {
  const value = resource[field];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/**
 * term -> posting list, per indexed field, over the catalog in `id` order. A position is
 * listed once per term however often the term repeats in the document, which is what
 * MongoDB's `$in` on arrays means: any element equal to any value.
 */
export class TermIndex {
  private readonly fields = new Map<TermIndexedField, Map<string, Postings>>();

  constructor(resources: readonly CatalogResource[]) {
    const size = resources.length;
    for (const field of TERM_INDEXED_FIELDS) {
      const lists = new Map<string, number[]>();
      resources.forEach((resource, position) => {
        for (const value of valuesOf(resource, field)) {
          const list = lists.get(value);
          if (list === undefined) lists.set(value, [position]);
          else if (list[list.length - 1] !== position) list.push(position);
        }
      });
      const postings = new Map<string, Postings>();
      for (const [value, list] of lists) postings.set(value, list.length * DENSE > size ? Bitset.of(size, list) : Int32Array.from(list));
      this.fields.set(field, postings);
    }
  }

  /** OR of the values' postings into `into`. */
  addMatches(field: TermIndexedField, values: readonly unknown[], into: Bitset): Bitset {
    const postings = this.fields.get(field);
    for (const value of values) {
      const found = typeof value === 'string' ? postings?.get(value) : undefined;
      if (found instanceof Bitset) into.or(found);
      else if (found) into.addAll(found);
    }
    return into;
  }

  /** How many positions hold `value` in `field`. */
  count(field: TermIndexedField, value: string): number {
    const found = this.fields.get(field)?.get(value);
    return found === undefined ? 0 : found instanceof Bitset ? found.count() : found.length;
  }

  distinct(field: TermIndexedField): string[] {
    return [...(this.fields.get(field)?.keys() ?? [])].sort();
  }
}
