import type { CatalogResource } from '../../model/catalog-resource';
import type { ThemeClosure } from '../catalog-store';
import { Bitset } from './bitset';
import { closurePostings } from './closure-postings';
import { buildPostings, type Postings } from './postings';

/**
 * The fields a `$in`/`$nin` may name that the embedded store indexes exactly. `accessLevel`
 * is what tiered access restricts every anonymous query by (a missing level is public).
 */
export const TERM_INDEXED_FIELDS = ['type', 'country', 'themes', 'themeAncestors', 'accessLevel'] as const;
export type TermIndexedField = (typeof TERM_INDEXED_FIELDS)[number];

/** Fields holding one string (or none): their values' postings are disjoint. */
export const SINGLE_VALUED_FIELDS: ReadonlySet<TermIndexedField> = new Set(['type', 'country', 'accessLevel']);

interface FieldIndex {
  postings: Map<string, Postings>;
  /** Single-valued fields: the positions holding any value. */
  present?: Bitset;
  /** The sum of every value's `costOf`. */
  cost: number;
}

/** Word operations to OR (or clear) one term's postings: positions for a list, words for a bitset. */
function costOf(postings: Postings | undefined): number {
  return postings === undefined ? 0 : postings instanceof Bitset ? postings.words.length : postings.length;
}

/**
 * term -> posting list, per indexed field, over the catalog in `id` order. A position is
 * listed once per term however often the term repeats in the document, which is what
 * MongoDB's `$in` on arrays means: any element equal to any value.
 */
export class TermIndex {
  private readonly fields = new Map<TermIndexedField, FieldIndex>();

  /** `themeAncestors` is derived from the `themes` postings through each theme's closure (see `ThemeClosure`). */
  constructor(resources: readonly CatalogResource[], themeClosure: ThemeClosure) {
    const size = resources.length;
    for (const field of TERM_INDEXED_FIELDS) {
      // `themes` comes before `themeAncestors` in the field list: it is built by then.
      const themes = this.fields.get('themes')?.postings ?? new Map<string, Postings>();
      const postings =
        field === 'themeAncestors'
          ? closurePostings(themes, themeClosure, size)
          : buildPostings(resources, (r) => r[field]);
      const present = SINGLE_VALUED_FIELDS.has(field) ? new Bitset(size) : undefined;
      if (present) for (const p of postings.values()) p instanceof Bitset ? present.or(p) : present.addAll(p);
      let cost = 0;
      for (const p of postings.values()) cost += costOf(p);
      this.fields.set(field, { postings, present, cost });
    }
  }

  /**
   * OR of the values' postings into `into` (empty). On a single-valued field asking for most
   * of its values (the VP portal asks for all 28 countries), the positions holding the field
   * minus the values not asked for is cheaper, and the same set: values' postings are disjoint.
   */
  addMatches(field: TermIndexedField, values: readonly unknown[], into: Bitset): Bitset {
    const index = this.fields.get(field);
    if (index === undefined) return into;
    const asked = new Set(values.filter((v): v is string => typeof v === 'string' && index.postings.has(v)));
    let askedCost = 0;
    for (const value of asked) askedCost += costOf(index.postings.get(value));
    if (index.present && index.cost - askedCost + into.words.length < askedCost) {
      into.copyFrom(index.present);
      for (const [value, postings] of index.postings) {
        if (asked.has(value)) continue;
        if (postings instanceof Bitset) into.andNot(postings);
        else into.removeAll(postings);
      }
      return into;
    }
    // `into` starts empty: the first bitset is copied at once rather than OR-ed word by word.
    let empty = true;
    for (const value of asked) {
      const postings = index.postings.get(value);
      if (postings instanceof Bitset) empty ? into.copyFrom(postings) : into.or(postings);
      else if (postings) into.addAll(postings);
      empty = false;
    }
    return into;
  }

  distinct(field: TermIndexedField): string[] {
    return [...(this.fields.get(field)?.postings.keys() ?? [])].sort();
  }

  /** The values of `field` that at least one position of `within` holds. */
  distinctIn(field: TermIndexedField, within: Bitset): string[] {
    const found: string[] = [];
    for (const [value, postings] of this.fields.get(field)?.postings ?? [])
      if (meets(postings, within)) found.push(value);
    return found.sort();
  }
}

/** Whether `postings` and `set` share a position; stops at the first. */
function meets(postings: Postings, set: Bitset): boolean {
  const { words } = set;
  if (postings instanceof Bitset) {
    for (let w = 0; w < words.length; w += 1)
      if (((postings.words[w] as number) & (words[w] as number)) !== 0) return true;
    return false;
  }
  for (let i = 0; i < postings.length; i += 1) {
    const p = postings[i] as number;
    if (((words[p >>> 5] as number) & (1 << (p & 31))) !== 0) return true;
  }
  return false;
}
