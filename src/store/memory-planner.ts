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

function planField(field: string, condition: unknown, indexes: PlanIndexes): Plan {
  if (!isDoc(condition)) return everything(indexes);
  const keys = Object.keys(condition);
  if (isTermField(field) && keys.length === 1 && Array.isArray(condition.$in)) {
    return { set: indexes.terms.addMatches(field, condition.$in, new Bitset(indexes.size)), exact: true };
  }
  if (isTermField(field) && keys.length === 1 && Array.isArray(condition.$nin)) {
    return { set: indexes.terms.addMatches(field, condition.$nin, new Bitset(indexes.size)).not(), exact: true };
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

function planList(operator: '$and' | '$or' | '$nor', list: readonly unknown[], indexes: PlanIndexes): Plan {
  const plans = list.map((entry) => planDocument(entry, indexes));
  const exact = plans.every((p) => p.exact);
  if (operator === '$and') {
    const set = Bitset.all(indexes.size);
    plans.forEach((p) => set.and(p.set));
    return { set, exact };
  }
  const union = new Bitset(indexes.size);
  plans.forEach((p) => union.or(p.set));
  if (operator === '$or') return { set: union, exact };
  // The complement of a superset is not a superset: only exact branches can be negated.
  return exact ? { set: union.not(), exact: true } : everything(indexes);
}

/** Plans a query document of the shapes `src/query/build-query.ts` emits; anything else is a scan. */
export function planDocument(query: unknown, indexes: PlanIndexes): Plan {
  if (!isDoc(query)) return everything(indexes);
  const parts: Plan[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      parts.push(Array.isArray(value) && value.length > 0 ? planList(key, value, indexes) : everything(indexes));
    } else if (key.startsWith('$')) parts.push(everything(indexes));
    else parts.push(planField(key, value, indexes));
  }
  if (parts.length === 0) return { set: Bitset.all(indexes.size), exact: true };
  const [first, ...rest] = parts as [Plan, ...Plan[]];
  return rest.reduce((acc, p) => ({ set: acc.set.and(p.set), exact: acc.exact && p.exact }), first);
}
