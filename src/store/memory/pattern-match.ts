import type { CatalogResource } from '../../model/catalog-resource';
import type { Bitset } from './bitset';
import type { Lease } from './scratch-sets';
import type { SetCache } from './set-cache';
import type { TextBudget } from './text-budget';
import { foldCase } from './trigram-build';
import { matchesLiterals, type TrigramIndex } from './trigram-index';
import { UnsupportedQueryError } from '../store-errors';

/**
 * `$regex` on title, description or id, evaluated without a regular expression: the
 * anchored wildcard source `src/query/` writes is read back into its literal runs, which
 * are matched on the folded text with `startsWith`/`indexOf`/`endsWith`, linear in the
 * text. No pattern ever becomes a `RegExp` here, so none can backtrack; every character
 * read is counted against the query's `TextBudget` first.
 */

export const PATTERN_FIELDS = ['title', 'description', 'id'] as const;
export type PatternField = (typeof PATTERN_FIELDS)[number];

const SEPARATOR = '[\\s\\S]*';

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

/**
 * The positions a `$regex` is evaluated on, when the query narrows them: the AND of the
 * clauses beside it (tiered access, themes, types, countries). `key` names those clauses
 * (undefined when they cannot be named), so kept matches are only reused for the same ones.
 */
export interface Within {
  set: Bitset;
  key: string | undefined;
}

export interface PatternPlanning {
  resources: readonly CatalogResource[];
  titles: TrigramIndex;
  /** Recent matches with what they cost; without it every pattern is evaluated. */
  patterns?: SetCache;
  lease: Lease;
  budget: TextBudget;
  within?: Within;
}

/** The exact matches of `source` on `field`: kept ones (counted again at their cost) or evaluated and kept. */
export function patternMatches(
  field: PatternField,
  source: string,
  planning: PatternPlanning,
): { set: Bitset; count?: number } {
  const { patterns, lease, budget, within } = planning;
  // Each pattern takes, fills and combines sets of the whole catalog: thousands of patterns cost that many times.
  budget.spend(Math.ceil(lease.size / 32));
  const key =
    within === undefined
      ? `${field}\u0000${source}`
      : within.key === undefined
        ? undefined
        : `${field}\u0000${source}\u0000${within.key}`;
  const found = key === undefined ? undefined : patterns?.copyInto(key, lease.empty());
  if (found) {
    budget.spend(found.cost);
    return { set: found.set, count: found.count };
  }
  const before = budget.spent;
  const set = evaluatePattern(field, source, planning);
  const count = key === undefined ? undefined : patterns?.remember(key, set, budget.spent - before);
  return count === undefined ? { set } : { set, count };
}

/** Titles: trigram candidates, then the folded literals; other fields: every position in reach. */
function evaluatePattern(
  field: PatternField,
  source: string,
  { resources, titles, lease, budget, within }: PatternPlanning,
): Bitset {
  const literals = regexLiterals(source);
  if (!literals)
    throw new UnsupportedQueryError(
      `the embedded store matches $regex only in the anchored wildcard form src/query/ writes, not ${JSON.stringify(source)}`,
    );
  const reach = (): Bitset => (within ? lease.empty().copyFrom(within.set) : lease.full());
  if (field === 'title') {
    const candidates = titles.candidates(literals, lease, budget);
    if (candidates && within) candidates.and(within.set);
    return titles.keepMatching(candidates ?? reach(), literals, budget);
  }
  const folded = literals.map(foldCase);
  const overhead = folded.reduce((sum, literal) => sum + literal.length, 0);
  return reach().retain((position) => {
    const value = resources[position]?.[field];
    // A resource without the field is visited too: one unit, so a sparse field is no free scan.
    if (typeof value !== 'string') {
      budget.spend(1);
      return false;
    }
    budget.spend(value.length + overhead);
    return matchesLiterals(foldCase(value), folded);
  });
}
