import type { CatalogResource } from '../model/catalog-resource';
import { Bitset } from './memory-bitset';
import { TERM_INDEXED_FIELDS, type TermIndex, type TermIndexedField } from './memory-term-index';
import type { TrigramIndex } from './memory-trigram-index';

/**
 * A query document planned onto the indexes: `set` holds every match; when `exact`, it
 * holds nothing else, otherwise the compiled query must still test each candidate.
 * `$regex` on title, description or id is evaluated here (title candidates from trigrams,
 * the others by a scan of that one field), so build-query's documents always plan exactly.
 */
export interface Plan {
  set: Bitset;
  exact: boolean;
}

export interface PlanIndexes {
  size: number;
  resources: readonly CatalogResource[];
  /** id -> position: `id` `$in` (a token's per-resource grants) plans exactly. */
  positionOf: ReadonlyMap<string, number>;
  terms: TermIndex;
  titles: TrigramIndex;
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

function everything(indexes: PlanIndexes): Plan {
  return { set: Bitset.all(indexes.size), exact: false };
}

/** The positions whose `field` equals one of `values`; `id` is unique, so one lookup each. */
function termMatches(field: TermIndexedField | 'id', values: readonly string[], indexes: PlanIndexes): Bitset {
  if (field !== 'id') return indexes.terms.addMatches(field, values, new Bitset(indexes.size));
  const positions: number[] = [];
  for (const id of values) {
    const position = indexes.positionOf.get(id);
    if (position !== undefined) positions.push(position);
  }
  return Bitset.of(indexes.size, positions);
}

function planField(field: string, condition: unknown, indexes: PlanIndexes): Plan {
  if (!isDoc(condition)) return everything(indexes);
  const keys = Object.keys(condition);
  const operator = keys.length === 1 ? keys[0] : undefined;
  if ((field === 'id' || isTermField(field)) && (operator === '$in' || operator === '$nin')) {
    const values = condition[operator];
    if (!isStringList(values)) return everything(indexes);
    const set = termMatches(field, values, indexes);
    // `$nin` also matches documents without the field (a missing accessLevel is public).
    return { set: operator === '$nin' ? set.not() : set, exact: true };
  }
  if (isPatternField(field) && typeof condition.$regex === 'string' && condition.$options === 'i' && keys.length === 2) {
    const literals = field === 'title' ? regexLiterals(condition.$regex) : undefined;
    const candidates = (literals && indexes.titles.candidates(literals)) ?? Bitset.all(indexes.size);
    return { set: keepMatching(candidates, field, new RegExp(condition.$regex, 'i'), indexes.resources), exact: true };
  }
  return everything(indexes);
}

/** The candidates whose string `field` the regex matches: what `$regex` means on a string or missing field. */
function keepMatching(candidates: Bitset, field: PatternField, regex: RegExp, resources: readonly CatalogResource[]): Bitset {
  const kept: number[] = [];
  for (const position of candidates.positions()) {
    const value = resources[position]?.[field];
    if (typeof value === 'string' && regex.test(value)) kept.push(position);
  }
  return Bitset.of(candidates.size, kept);
}

/** Exact match counts of sub-documents, by object identity; see `planDocument`. */
export type CountMemo = WeakMap<object, number>;

function planList(operator: '$and' | '$or' | '$nor', list: readonly unknown[], indexes: PlanIndexes, memo?: CountMemo): Plan {
  const plans = list.map((entry) => planDocument(entry, indexes));
  const exact = plans.every((p) => p.exact);
  // Every plan's set is freshly built, so the first one can take the others in place.
  const [first, ...rest] = plans as [Plan, ...Plan[]];
  if (operator === '$and') {
    if (memo) list.forEach((entry, i) => isDoc(entry) && plans[i]?.exact && memo.set(entry, plans[i].set.count()));
    rest.forEach((p) => first.set.and(p.set));
    return { set: first.set, exact };
  }
  const union = first.set;
  rest.forEach((p) => union.or(p.set));
  if (operator === '$or') return { set: union, exact };
  // The complement of a superset is not a superset: only exact branches can be negated.
  return exact ? { set: union.not(), exact: true } : everything(indexes);
}

/**
 * Plans a query document of the shapes `src/query/build-query.ts` emits; anything else is a
 * scan. With `memo`, the exact counts of a top-level `$and`'s entries are kept by object:
 * tiered access asks for `{$and: [q, access]}` and then counts `q` itself.
 */
export function planDocument(query: unknown, indexes: PlanIndexes, memo?: CountMemo): Plan {
  if (!isDoc(query)) return everything(indexes);
  const parts: Plan[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      parts.push(Array.isArray(value) && value.length > 0 ? planList(key, value, indexes, memo) : everything(indexes));
    } else if (key.startsWith('$')) parts.push(everything(indexes));
    else parts.push(planField(key, value, indexes));
  }
  if (parts.length === 0) return { set: Bitset.all(indexes.size), exact: true };
  const [first, ...rest] = parts as [Plan, ...Plan[]];
  return rest.reduce((acc, p) => ({ set: acc.set.and(p.set), exact: acc.exact && p.exact }), first);
}
