import type { CatalogResource } from '../../model/catalog-resource';
import type { Bitset } from './bitset';
import { BitsetPool } from './scratch-sets';
import type { SetCache } from './set-cache';
import { SINGLE_VALUED_FIELDS, TERM_INDEXED_FIELDS, type TermIndex, type TermIndexedField } from './term-index';
import type { TrigramIndex } from './trigram-index';
import { answerKey } from './answer-cache';
import { PATTERN_FIELDS, patternMatches, type PatternField, type Within } from './pattern-match';
import { unlimitedBudget, type TextBudget } from './text-budget';

/**
 * A query document planned onto the indexes: `set` holds every match; when `exact`, it
 * holds nothing else, otherwise the compiled query must still test each candidate.
 * `$regex` on title, description or id is evaluated here (title candidates from trigrams,
 * the others by a scan of that one field), so build-query's documents always plan exactly;
 * inside an `$and`, only on the positions its other entries leave (`Within`).
 * Every set is the pool's: read the answer off, then `releaseAll`.
 */
export interface Plan {
  set: Bitset;
  exact: boolean;
  /** The set's count, when known without counting (a kept set, one holding everything). */
  count?: number;
}

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

type Doc = Record<string, unknown>;

const isDoc = (value: unknown): value is Doc => value !== null && typeof value === 'object' && !Array.isArray(value);
const isPatternField = (field: string): field is PatternField => (PATTERN_FIELDS as readonly string[]).includes(field);
const isTermField = (field: string): field is TermIndexedField =>
  (TERM_INDEXED_FIELDS as readonly string[]).includes(field);
/** Only string values plan exactly: `$in: [null]` would also match a missing field. */
const isStringList = (values: unknown): values is string[] =>
  Array.isArray(values) && values.every((v) => typeof v === 'string');

/** Whether `key` is a key anywhere in the query document (asked of every `$and` entry: no allocation). */
export function namesKey(query: unknown, key: string): boolean {
  if (query === null || typeof query !== 'object') return false;
  if (Array.isArray(query)) {
    for (const part of query as unknown[]) if (typeof part === 'object' && namesKey(part, key)) return true;
    return false;
  }
  // Query documents are plain objects, so `for...in` sees own keys alone.
  for (const name in query) if (name === key || namesKey((query as Doc)[name], key)) return true;
  return false;
}

/** The indexes and the scratch sets of one planning, its text budget, and where its `$regex` are evaluated. */
interface Planning {
  indexes: PlanIndexes;
  pool: BitsetPool;
  budget: TextBudget;
  within?: Within;
}

function everything({ pool }: Planning): Plan {
  return { set: pool.full(), exact: false, count: pool.size };
}

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
function keptOrEvaluated(
  kept: SetCache | undefined,
  key: string | undefined,
  pool: BitsetPool,
  evaluate: () => Bitset,
): Plan {
  const found = key === undefined ? undefined : kept?.copyInto(key, pool.empty());
  if (found) return { set: found.set, exact: true, count: found.count };
  const set = evaluate();
  const count = key === undefined ? undefined : kept?.remember(key, set);
  return count === undefined ? { set, exact: true } : { set, exact: true, count };
}

/** The positions whose `field` equals one of `values`; `id` is unique, so one lookup each. */
function termMatches(field: TermIndexedField | 'id', values: readonly string[], { indexes, pool }: Planning): Bitset {
  const set = pool.empty();
  if (field !== 'id') return indexes.terms.addMatches(field, values, set);
  for (const id of values) {
    const position = indexes.positionOf(id);
    if (position !== undefined) set.addAll([position]);
  }
  return set;
}

function planField(field: string, condition: unknown, planning: Planning): Plan {
  if (!isDoc(condition)) return everything(planning);
  const keys = Object.keys(condition);
  const operator = keys.length === 1 ? keys[0] : undefined;
  if ((field === 'id' || isTermField(field)) && (operator === '$in' || operator === '$nin')) {
    const values = condition[operator];
    if (!isStringList(values)) return everything(planning);
    const key = field === 'id' ? undefined : clauseKey(field, operator, values);
    return keptOrEvaluated(planning.indexes.clauses, key, planning.pool, () => {
      const found = termMatches(field, values, planning);
      // `$nin` also matches documents without the field (a missing accessLevel is public).
      return operator === '$nin' ? found.not() : found;
    });
  }
  if (
    isPatternField(field) &&
    typeof condition.$regex === 'string' &&
    condition.$options === 'i' &&
    keys.length === 2
  ) {
    return patternPlan(field, condition.$regex, planning);
  }
  return everything(planning);
}

/** What `$regex` (with `i`) means on a string or missing field; see `memory-pattern-match.ts`. */
function patternPlan(field: PatternField, source: string, { indexes, pool, budget, within }: Planning): Plan {
  const { resources, titles, patterns } = indexes;
  const found = patternMatches(field, source, {
    resources,
    titles,
    pool,
    budget,
    ...(patterns ? { patterns } : {}),
    ...(within ? { within } : {}),
  });
  return found.count === undefined
    ? { set: found.set, exact: true }
    : { set: found.set, exact: true, count: found.count };
}

/** Exact match counts of sub-documents, by object identity; see `planDocument`. */
export type CountMemo = WeakMap<object, number>;

/**
 * The AND of plans (at least one), in the first one's set: every plan's set is a scratch set
 * of its own, so it can take the others in place. Sets known to hold every position (an
 * access clause when every resource is public) are skipped; when one set alone remains, its
 * count stays known.
 */
function intersection(plans: readonly Plan[], size: number): Plan {
  const exact = plans.every((p) => p.exact);
  const partial = plans.filter((p) => p.count !== size);
  const [first, ...rest] = (partial.length > 0 ? partial : plans) as [Plan, ...Plan[]];
  for (const p of rest) first.set.and(p.set);
  return rest.length === 0 && first.count !== undefined
    ? { set: first.set, exact, count: first.count }
    : { set: first.set, exact };
}

/**
 * Where the `$regex` entries of an `$and` are evaluated: the AND of its other entries (and of
 * the `$and` around it), so a `%` match reads only documents the rest of the query (tiered
 * access included) leaves. Undefined when nothing narrows. The entries' plans are the pool's
 * own sets; this is a copy.
 */
function narrowed(
  list: readonly unknown[],
  textual: readonly boolean[],
  plans: readonly (Plan | undefined)[],
  planning: Planning,
): Within | undefined {
  const { pool, within: outer } = planning;
  const sets = plans
    .filter((p, i): p is Plan => p !== undefined && !textual[i] && p.count !== pool.size)
    .map((p) => p.set);
  if (sets.length === 0) return outer;
  const set = pool.empty().copyFrom(sets[0] as Bitset);
  for (const other of sets.slice(1)) set.and(other);
  if (outer) set.and(outer.set);
  const keys = list.filter((_, i) => !textual[i]).map(answerKey);
  const named = keys.every((k) => k !== undefined) && (outer === undefined || outer.key !== undefined);
  return { set, key: named ? JSON.stringify([outer?.key ?? null, keys]) : undefined };
}

/** An `$and`: entries without `$regex` first, then the others within what those leave. */
function planAnd(list: readonly unknown[], planning: Planning, memo?: CountMemo): Plan {
  const textual = list.map((entry) => namesKey(entry, '$regex'));
  const plans: (Plan | undefined)[] = list.map((entry, i) => (textual[i] ? undefined : planWith(entry, planning)));
  const within = textual.some(Boolean) ? narrowed(list, textual, plans, planning) : undefined;
  const inner = within ? { ...planning, within } : planning;
  const done = plans.map((plan, i) => plan ?? planWith(list[i], inner));
  done.forEach((plan, i) => {
    const entry = list[i];
    // A `$regex` entry planned within the others holds only part of its matches: not its count.
    if (!memo || !isDoc(entry) || !plan.exact || (textual[i] && within)) return;
    // Counted once: when the others hold every position, this is also the answer's count.
    plan.count ??= plan.set.count();
    memo.set(entry, plan.count);
  });
  return intersection(done, planning.pool.size);
}

function planList(
  operator: '$and' | '$or' | '$nor',
  list: readonly unknown[],
  planning: Planning,
  memo?: CountMemo,
): Plan {
  if (operator === '$and') return planAnd(list, planning, memo);
  const plans = list.map((entry) => planWith(entry, planning));
  const exact = plans.every((p) => p.exact);
  // Every plan's set is a scratch set of its own, so the first one can take the others in place.
  const [first, ...rest] = plans as [Plan, ...Plan[]];
  const union = first.set;
  rest.forEach((p) => union.or(p.set));
  // Within an `$and`, only the positions in reach are right; the `$and` keeps no others.
  if (operator === '$or') return { set: union, exact };
  // The complement of a superset is not a superset: only exact branches can be negated.
  return exact ? { set: union.not(), exact: true } : everything(planning);
}

/**
 * Plans a query document of the shapes `src/query/build-query.ts` emits; anything else is a
 * scan. With `memo`, the exact counts of a top-level `$and`'s entries are kept by object:
 * tiered access asks for `{$and: [q, access]}` and then counts `q` itself.
 */
export function planDocument(
  query: unknown,
  indexes: PlanIndexes,
  memo?: CountMemo,
  pool = new BitsetPool(indexes.size),
  budget = unlimitedBudget(),
): Plan {
  return planWith(query, { indexes, pool, budget }, memo);
}

function planWith(query: unknown, planning: Planning, memo?: CountMemo): Plan {
  if (!isDoc(query)) return everything(planning);
  const parts: Plan[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      parts.push(
        Array.isArray(value) && value.length > 0 ? planList(key, value, planning, memo) : everything(planning),
      );
    } else if (key.startsWith('$')) parts.push(everything(planning));
    else parts.push(planField(key, value, planning));
  }
  if (parts.length === 0) return { set: planning.pool.full(), exact: true, count: planning.pool.size };
  return intersection(parts, planning.pool.size);
}
