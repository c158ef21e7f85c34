import { LRUCache } from 'lru-cache';
import type { CatalogResource } from '../../model/catalog-resource';
import { byCodeUnits } from '../../model/code-units';
import { themePrefixesOf } from '../../model/theme-id';
import type { CatalogTerms, ThemeClosure } from '../catalog-store';
import { AnswerCache } from './answer-cache';
import { CountMemo } from './count-memo';
import type { PlanIndexes } from './plan-field';
import { positionById } from './position-by-id';
import { DEFAULT_KEPT_FREE, ScratchSets } from './scratch-sets';
import { SetCache } from './set-cache';
import { TermIndex } from './term-index';
import type { TrigramPostings } from './trigram-build';
import { TrigramIndex } from './trigram-index';

/** How much one snapshot keeps; each bound is one least-recently-used rule. */
export interface MemoryLimits {
  /** Bytes of recent exact answers (`ANSWER_CACHE_MB`); 0 keeps none. */
  answerCacheBytes: number;
  /** `$regex` matches, and clauses on single-valued fields, kept each: 8 MB at 1,000,000 resources. */
  keptSets: number;
  /** Counts of `$and` entries kept (numbers: cheap). */
  keptCounts: number;
  /** Visibility clauses whose terms are kept (callers come in a few tiers). */
  keptTermLists: number;
  /** Free scratch sets kept between queries. */
  keptFreeSets: number;
}

/** The default answer budget: 512 answers of a 1,000,000-resource catalog at most, far more when sparse. */
export const DEFAULT_ANSWER_CACHE_BYTES = 64 * 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<MemoryLimits> = Object.freeze({
  answerCacheBytes: DEFAULT_ANSWER_CACHE_BYTES,
  keptSets: 32,
  keptCounts: 1024,
  keptTermLists: 8,
  keptFreeSets: DEFAULT_KEPT_FREE,
});

/** What a snapshot keeps of earlier queries: all of it new with each snapshot, so nothing goes stale. */
export interface Memos {
  counts: CountMemo;
  scratch: ScratchSets;
  patterns: SetCache;
  clauses: SetCache;
  /** The terms of the documents a visibility clause selects, by its `queryKey`. */
  termsAmong: LRUCache<string, CatalogTerms>;
  /** Exact answers of recent query documents; none when the budget is 0. */
  answers?: AnswerCache;
}

/** One catalog, its indexes and its memos, built aside and swapped in whole. */
export interface Snapshot extends Omit<PlanIndexes, 'patterns' | 'clauses'>, Memos {
  /** Each theme's closure: what `themeAncestors` means for this catalog. */
  themeClosure: ThemeClosure;
  themePrefixes: ReadonlySet<string>;
}

export function memosOf(size: number, limits: Readonly<MemoryLimits>): Memos {
  return {
    counts: new CountMemo(limits.keptCounts),
    scratch: new ScratchSets(size, limits.keptFreeSets),
    patterns: new SetCache(limits.keptSets),
    clauses: new SetCache(limits.keptSets),
    termsAmong: new LRUCache({ max: limits.keptTermLists }),
    ...(limits.answerCacheBytes > 0 ? { answers: new AnswerCache(limits.answerCacheBytes) } : {}),
  };
}

/**
 * The catalog in `id` order with its term index, and what completes the snapshot once the
 * title index is at hand (built here when none is given): a title index still in the making
 * in the catalog-checking thread is awaited only after the term index is built.
 */
export function indexed(
  resources: readonly CatalogResource[],
  limits: Readonly<MemoryLimits>,
  themeClosure: ThemeClosure,
): (titles: TrigramPostings | undefined) => Snapshot {
  const sorted = Object.freeze([...resources].sort((a, b) => byCodeUnits(a.id, b.id)));
  const terms = new TermIndex(sorted, themeClosure);
  return (titles) => {
    if (titles && titles.textEnds.length !== sorted.length) {
      throw new RangeError(
        `the title index given holds ${titles.textEnds.length} titles for a catalog of ${sorted.length}`,
      );
    }
    return {
      resources: sorted,
      positionOf: (id) => positionById(sorted, id),
      size: sorted.length,
      terms,
      themePrefixes: themePrefixesOf(terms.distinct('themes')),
      themeClosure,
      titles: titles ? new TrigramIndex(titles) : TrigramIndex.of(sorted.map((r) => r.title)),
      ...memosOf(sorted.length, limits),
    };
  };
}
