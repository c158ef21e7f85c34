import type { CatalogResource } from '../../model/catalog-resource';
import type { Bitset } from './bitset';
import { PATTERN_FIELDS, patternMatches, type PatternField, type Within } from './pattern-match';
import { exact, UNPLANNED, type Plan } from './plan';
import type { Lease } from './scratch-sets';
import type { SetCache } from './set-cache';
import { SINGLE_VALUED_FIELDS, TERM_INDEXED_FIELDS, type TermIndex, type TermIndexedField } from './term-index';
import type { TextBudget } from './text-budget';
import type { TrigramIndex } from './trigram-index';

/** What a snapshot gives planning: its catalog, its indexes, and its kept sets. */
export interface PlanIndexes {
  size: number;
  resources: readonly CatalogResource[];
  /** id -> position: `id` `$in` (a token's per-resource grants) plans exactly. */
  positionOf(id: string): number | undefined;
  terms: TermIndex;
  titles: TrigramIndex;
  /** Recent `$regex` matches; without it every pattern is evaluated. */
  patterns?: SetCache;
  /** Recent clauses on single-valued fields (`clauseKey`); without it every one is evaluated. */
  clauses?: SetCache;
}

/** The indexes and the scratch sets of one planning, its text budget, and where its `$regex` are evaluated. */
export interface Planning {
  indexes: PlanIndexes;
  lease: Lease;
  budget: TextBudget;
  within?: Within;
}

type Doc = Record<string, unknown>;

export const isDoc = (value: unknown): value is Doc =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isPatternField = (field: string): field is PatternField => (PATTERN_FIELDS as readonly string[]).includes(field);
const isTermField = (field: string): field is TermIndexedField =>
  (TERM_INDEXED_FIELDS as readonly string[]).includes(field);
/** Only string values plan exactly: `$in: [null]` would also match a missing field. */
const isStringList = (values: unknown): values is string[] =>
  Array.isArray(values) && values.every((v) => typeof v === 'string');

/**
 * A clause on a single-valued field (type, country, access level) is kept: such clauses
 * recur across queries that differ in their diseases (the VP portal names all 28 countries
 * and all types in each), and on these dense fields one costs tens of thousands of word
 * operations. The values' order and repeats do not change the clause, nor its key.
 */
function clauseKey(field: TermIndexedField, operator: '$in' | '$nin', values: readonly string[]): string | undefined {
  return SINGLE_VALUED_FIELDS.has(field) ? JSON.stringify([field, operator, [...new Set(values)].sort()]) : undefined;
}

/**
 * The exact matches `kept` holds under `key`, copied into a scratch set with their count;
 * otherwise `evaluate`'s, then kept there (without a cache or a key, just evaluated).
 */
function keptOrEvaluated(kept: SetCache | undefined, key: string | undefined, lease: Lease, evaluate: () => Bitset) {
  const found = key === undefined ? undefined : kept?.copyInto(key, lease.empty());
  if (found) return exact(found.set, found.count);
  const set = evaluate();
  return exact(set, key === undefined ? undefined : kept?.remember(key, set));
}

/** The positions whose `field` equals one of `values`; `id` is unique, so one lookup each. */
function termMatches(field: TermIndexedField | 'id', values: readonly string[], { indexes, lease }: Planning): Bitset {
  const set = lease.empty();
  if (field !== 'id') return indexes.terms.addMatches(field, values, set);
  for (const id of values) {
    const position = indexes.positionOf(id);
    if (position !== undefined) set.addAll([position]);
  }
  return set;
}

/** `{field: condition}`: `$in`/`$nin` of strings on an indexed field, or an anchored `$regex` with `i`. */
export function planField(field: string, condition: unknown, planning: Planning): Plan {
  if (!isDoc(condition)) return UNPLANNED;
  const keys = Object.keys(condition);
  const operator = keys.length === 1 ? keys[0] : undefined;
  if ((field === 'id' || isTermField(field)) && (operator === '$in' || operator === '$nin')) {
    const values = condition[operator];
    if (!isStringList(values)) return UNPLANNED;
    const key = field === 'id' ? undefined : clauseKey(field, operator, values);
    return keptOrEvaluated(planning.indexes.clauses, key, planning.lease, () => {
      const found = termMatches(field, values, planning);
      // `$nin` also matches documents without the field (a missing accessLevel is public).
      return operator === '$nin' ? found.not() : found;
    });
  }
  if (isPatternField(field) && typeof condition.$regex === 'string' && condition.$options === 'i' && keys.length === 2)
    return patternPlan(field, condition.$regex, planning);
  return UNPLANNED;
}

/** What `$regex` (with `i`) means on a string or missing field; see `pattern-match.ts`. */
function patternPlan(field: PatternField, source: string, { indexes, lease, budget, within }: Planning): Plan {
  const { resources, titles, patterns } = indexes;
  const found = patternMatches(field, source, {
    resources,
    titles,
    lease,
    budget,
    ...(patterns ? { patterns } : {}),
    ...(within ? { within } : {}),
  });
  return exact(found.set, found.count);
}
