import type { CatalogResource } from '../model/catalog-resource';
import type { Bitset } from './memory-bitset';
import { BitsetPool } from './memory-bitset-pool';
import type { SetCache } from './memory-set-cache';
import { SINGLE_VALUED_FIELDS, TERM_INDEXED_FIELDS, type TermIndex, type TermIndexedField } from './memory-term-index';
import type { TrigramIndex } from './memory-trigram-index';

/**
 * A query document planned onto the indexes: `set` holds every match; when `exact`, it
 * holds nothing else, otherwise the compiled query must still test each candidate.
 * `$regex` on title, description or id is evaluated here (title candidates from trigrams,
 * the others by a scan of that one field), so build-query's documents always plan exactly.
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

const SEPARATOR = '[\\s\\S]*';
type Doc = Record<string, unknown>;

const isDoc = (value: unknown): value is Doc => value !== null && typeof value === 'object' && !Array.isArray(value);
const PATTERN_FIELDS = ['title', 'description', 'id'] as const;
type PatternField = (typeof PATTERN_FIELDS)[number];
const isPatternField = (field: string): field is PatternField => (PATTERN_FIELDS as readonly string[]).includes(field);
const isTermField = (field: string): field is TermIndexedField => (TERM_INDEXED_FIELDS as readonly string[]).includes(field);
/** Only string values plan exactly: `$in: [null]` would also match a missing field. */
const isStringList = (values: unknown): values is string[] => Array.isArray(values) && values.every((v) => typeof v === 'string');

/** The literal runs of an anchored wildcard regex as `src/query/` writes it; undefined if it is not one. */
export function regexLiterals(source: string): string[] | undefined {
  if (!source.startsWith('^') || !source.endsWith('$')) return undefined;
  const body = source.slice(1, -1);
  const literals: string[] = [''];
  for (let i = 0; i < body.length; i += 1) {
    if (body.startsWith(SEPARATOR, i)) {
      literals.push('');
      i += SEPARATOR.length - 1;
    } else if (body[i] === '\\' && i + 1 < body.length) {
      literals[literals.length - 1] += body[i + 1] as string;
      i += 1;
    } else if (/[\\^$.*+?()[\]{}|]/.test(body[i] as string)) return undefined;
    else literals[literals.length - 1] += body[i] as string;
  }
  return literals;
}

/** The indexes and the scratch sets of one planning. */
interface Planning {
  indexes: PlanIndexes;
  pool: BitsetPool;
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
function keptOrEvaluated(kept: SetCache | undefined, key: string | undefined, pool: BitsetPool, evaluate: () => Bitset): Plan {
  const found = key === undefined ? undefined : kept?.copyInto(key, pool.empty());
  if (found) return { ...found, exact: true };
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
  if (isPatternField(field) && typeof condition.$regex === 'string' && condition.$options === 'i' && keys.length === 2) {
    return patternMatches(field, condition.$regex, planning);
  }
  return everything(planning);
}

/**
 * What `$regex` (with `i`) means on a string or missing field. Titles: trigram candidates,
 * then the folded literals checked with `indexOf`; other fields (and patterns that are not
 * build-query's anchored wildcards): the regex on every value.
 */
function patternMatches(field: PatternField, source: string, planning: Planning): Plan {
  return keptOrEvaluated(planning.indexes.patterns, `${field}\u0000${source}`, planning.pool, () => evaluatePattern(field, source, planning));
}

function evaluatePattern(field: PatternField, source: string, { indexes, pool }: Planning): Bitset {
  const literals = field === 'title' ? regexLiterals(source) : undefined;
  if (literals) return indexes.titles.keepMatching(indexes.titles.candidates(literals, pool) ?? pool.full(), literals);
  const regex = new RegExp(source, 'i');
  const { resources } = indexes;
  return pool.full().retain((position) => {
    const value = resources[position]?.[field];
    return typeof value === 'string' && regex.test(value);
  });
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
  return rest.length === 0 && first.count !== undefined ? { set: first.set, exact, count: first.count } : { set: first.set, exact };
}

function planList(operator: '$and' | '$or' | '$nor', list: readonly unknown[], planning: Planning, memo?: CountMemo): Plan {
  const plans = list.map((entry) => planWith(entry, planning));
  if (operator === '$and') {
    plans.forEach((plan, i) => {
      const entry = list[i];
      if (!memo || !isDoc(entry) || !plan.exact) return;
      // Counted once: when the others hold every position, this is also the answer's count.
      plan.count ??= plan.set.count();
      memo.set(entry, plan.count);
    });
    return intersection(plans, planning.pool.size);
  }
  const exact = plans.every((p) => p.exact);
  // Every plan's set is a scratch set of its own, so the first one can take the others in place.
  const [first, ...rest] = plans as [Plan, ...Plan[]];
  const union = first.set;
  rest.forEach((p) => union.or(p.set));
  if (operator === '$or') return { set: union, exact };
  // The complement of a superset is not a superset: only exact branches can be negated.
  return exact ? { set: union.not(), exact: true } : everything(planning);
}

/**
 * Plans a query document of the shapes `src/query/build-query.ts` emits; anything else is a
 * scan. With `memo`, the exact counts of a top-level `$and`'s entries are kept by object:
 * tiered access asks for `{$and: [q, access]}` and then counts `q` itself.
 */
export function planDocument(query: unknown, indexes: PlanIndexes, memo?: CountMemo, pool = new BitsetPool(indexes.size)): Plan {
  return planWith(query, { indexes, pool }, memo);
}

function planWith(query: unknown, planning: Planning, memo?: CountMemo): Plan {
  if (!isDoc(query)) return everything(planning);
  const parts: Plan[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      parts.push(Array.isArray(value) && value.length > 0 ? planList(key, value, planning, memo) : everything(planning));
    } else if (key.startsWith('$')) parts.push(everything(planning));
    else parts.push(planField(key, value, planning));
  }
  if (parts.length === 0) return { set: planning.pool.full(), exact: true, count: planning.pool.size };
  return intersection(parts, planning.pool.size);
}
