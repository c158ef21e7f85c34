import { Query } from 'mingo';
import { themePrefixesOf } from '../../model/theme-id';
import type { CatalogResource } from '../../model/catalog-resource';
import { byCodeUnits } from '../../model/code-units';
import type { CatalogStore, CatalogTerms, FindResult, ResultWindow } from '../catalog-store';
import type { QueryDocument } from '../../query/query-document';
import { AnswerCache, answerKey, answerPositions, type CachedAnswer } from './answer-cache';
import { BitsetPool } from './scratch-sets';
import { SetCache } from './set-cache';
import { namesKey, planDocument, type CountMemo, type PlanIndexes } from './planner';
import { TextBudget } from './text-budget';
import { termsAmong } from './terms-among';
import { UnsupportedQueryError } from '../store-errors';
import { TermIndex } from './term-index';
import type { TrigramPostings } from './trigram-build';
import { TrigramIndex } from './trigram-index';

function byId(a: CatalogResource, b: CatalogResource): number {
  return byCodeUnits(a.id, b.id);
}

/**
 * The position of `id` in resources sorted by `byId`, by binary search: a million-entry
 * id -> position map cost a second and a half of start-up and tens of megabytes for a
 * lookup that single-resource requests and token grants make a handful of times.
 */
export function positionById(sorted: readonly CatalogResource[], id: string): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as CatalogResource).id < id) low = mid + 1;
    else high = mid;
  }
  return sorted[low]?.id === id ? low : undefined;
}

type Doc = CatalogResource & Record<string, unknown>;

/** One catalog and its indexes, built aside and swapped in whole. */
interface Snapshot extends PlanIndexes {
  /** Counts of query documents already planned inside a larger one (query documents are never mutated). */
  counts: CountMemo;
  /** Scratch sets for planning, reused across queries. */
  pool: BitsetPool;
  /** Exact answers of recent query documents; none when the budget is 0. */
  answers?: AnswerCache;
  /** Each theme's closure, when the documents do not carry their theme ancestors. */
  themeClosure?: ThemeClosure;
  themePrefixes: ReadonlySet<string>;
  /** The terms of the documents a visibility clause selects, by its key: one per caller tier. */
  termsAmong: Map<string, CatalogTerms>;
}

/** At most this many `$regex` matches and single-valued clauses are kept per snapshot: 8 MB at 1,000,000 resources. */
const KEPT_SETS = 32;

/** A snapshot's memos and scratch sets, new: nothing is kept from another snapshot or store. */
function memos(size: number): Pick<Snapshot, 'counts' | 'pool' | 'patterns' | 'clauses' | 'termsAmong'> {
  return {
    counts: new WeakMap(),
    pool: new BitsetPool(size),
    patterns: new SetCache(KEPT_SETS),
    clauses: new SetCache(KEPT_SETS),
    termsAmong: new Map(),
  };
}

/** A theme and its ontology ancestors. */
export type ThemeClosure = (theme: string) => readonly string[];

/** What a catalog load may hand the store beside its documents. */
export interface CatalogExtras {
  /**
   * Each theme's closure (the theme, its ontology term and that term's ancestors), when the
   * documents do not carry `themeAncestors`: the index derives them from the themes (a
   * document's own are then ignored).
   */
  themeClosure?: ThemeClosure;
  /**
   * The titles' `%` search index, positions in `id` order, when the catalog load built it
   * aside (`streamCatalog`); otherwise it is built here. It may still be in the making in the
   * thread that checks the catalog: the store builds its other indexes first, and a
   * rejection (the catalog's problems) fails the build.
   */
  titles?: TrigramPostings | Promise<TrigramPostings | undefined>;
}

/** The synchronous constructor's options: the extras of a load, with the title index already built. */
export interface MemoryStoreOptions extends Omit<CatalogExtras, 'titles'> {
  /** Bytes kept of recent exact answers per catalog (`ANSWER_CACHE_MB`); 0 keeps none. */
  answerCacheBytes?: number;
  /** Characters the `%` matches of one query may scan (`MAX_TEXT_SCAN_CHARS`). */
  textScanChars?: number;
  titles?: TrigramPostings;
}

/** The default answer budget: 512 answers of a 1,000,000-resource catalog at most, far more when sparse. */
export const DEFAULT_ANSWER_CACHE_BYTES = 64 * 1024 * 1024;

/** The default text budget: tens of milliseconds of folding and `indexOf` on this machine. */
export const DEFAULT_TEXT_SCAN_CHARS = 20_000_000;

/**
 * The catalog in `id` order with its term index, and what completes the snapshot once the
 * title index is at hand (built here when none is given).
 */
function indexed(
  resources: readonly CatalogResource[],
  answerCacheBytes: number,
  themeClosure: ThemeClosure | undefined,
): (titles: TrigramPostings | undefined) => Snapshot {
  const sorted = Object.freeze([...resources].sort(byId));
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
      ...(themeClosure ? { themeClosure } : {}),
      titles: titles ? new TrigramIndex(titles) : TrigramIndex.of(sorted.map((r) => r.title)),
      ...memos(sorted.length),
      ...(answerCacheBytes > 0 ? { answers: new AnswerCache(answerCacheBytes) } : {}),
    };
  };
}

function buildSnapshot(
  resources: readonly CatalogResource[],
  answerCacheBytes: number,
  { themeClosure, titles }: MemoryStoreOptions,
): Snapshot {
  return indexed(resources, answerCacheBytes, themeClosure)(titles);
}

/** The same, awaiting a title index still in the making only once the term index is built. */
async function buildSnapshotAside(
  resources: readonly CatalogResource[],
  answerCacheBytes: number,
  { themeClosure, titles }: CatalogExtras,
): Promise<Snapshot> {
  const complete = indexed(resources, answerCacheBytes, themeClosure);
  return complete(await titles);
}

function read(snapshot: Snapshot, answer: CachedAnswer, window: ResultWindow, withRecords: boolean): FindResult {
  const records = withRecords
    ? answerPositions(answer, window.offset, window.limit).map((p) => snapshot.resources[p] as CatalogResource)
    : [];
  return { total: answer.total, records };
}

/** Planned on the snapshot's indexes; its scratch sets are released by the caller. */
function answer(
  snapshot: Snapshot,
  query: QueryDocument,
  window: ResultWindow,
  withRecords: boolean,
  key: string | undefined,
  budget: TextBudget,
): FindResult {
  const plan = planDocument(query, snapshot, snapshot.counts, snapshot.pool, budget);
  const total = plan.exact ? (plan.count ?? plan.set.count()) : 0;
  if (plan.exact && key !== undefined && snapshot.answers)
    return read(snapshot, snapshot.answers.remember(key, plan.set, total), window, withRecords);
  if (plan.exact) {
    const records = withRecords
      ? plan.set.positions(window.offset, window.limit).map((p) => snapshot.resources[p] as CatalogResource)
      : [];
    return { total, records };
  }
  // mingo would test `$regex` with a backtracking RegExp: only the planner's literal matcher may.
  if (namesKey(query, '$regex'))
    throw new UnsupportedQueryError('the embedded store evaluates $regex only inside query documents it plans exactly');
  const compiled = new Query<Doc>(query, {});
  // Theme ancestors the documents do not carry are put back on a copy for the documents tested.
  const closure = namesKey(query, 'themeAncestors') ? snapshot.themeClosure : undefined;
  const matches: CatalogResource[] = [];
  for (const position of plan.set.positions()) {
    const resource = snapshot.resources[position] as CatalogResource;
    const tested = closure ? { ...resource, themeAncestors: [...new Set(resource.themes.flatMap(closure))] } : resource;
    if (compiled.test(tested as Doc)) matches.push(resource);
  }
  return {
    total: matches.length,
    records: withRecords ? matches.slice(window.offset, window.offset + window.limit) : [],
  };
}

/**
 * The embedded store: the catalog in memory, sorted by `id`, with posting-list indexes on
 * type, country, themes, themeAncestors, accessLevel and id and a trigram index on titles.
 * A query document is planned onto the indexes (`%` matches linear in the text, at most
 * `textScanChars` characters a query); when the plan is exact its bitset is the answer,
 * otherwise the compiled `mingo` query (the same MongoDB semantics a collection applies)
 * tests the candidates only, and never a `$regex`. Recent `$regex` matches and recent exact answers are kept per snapshot.
 * Answers equal a full mingo scan (test/unit/store/ checks it).
 */
export class MemoryStore implements CatalogStore {
  readonly kind = 'memory' as const;
  private snapshot: Snapshot;
  private readonly answerCacheBytes: number;
  private readonly textScanChars: number;

  constructor(resources: readonly CatalogResource[] = [], options: MemoryStoreOptions = {}) {
    this.answerCacheBytes = options.answerCacheBytes ?? DEFAULT_ANSWER_CACHE_BYTES;
    this.textScanChars = options.textScanChars ?? DEFAULT_TEXT_SCAN_CHARS;
    this.snapshot = buildSnapshot(resources, this.answerCacheBytes, options);
  }

  /** The store `npm start` opens on a catalog load's documents and extras (`replaceAll` builds the same way). */
  static async build(
    resources: readonly CatalogResource[],
    {
      answerCacheBytes,
      textScanChars,
      ...extras
    }: Pick<MemoryStoreOptions, 'answerCacheBytes' | 'textScanChars'> & CatalogExtras,
  ): Promise<MemoryStore> {
    const store = new MemoryStore([], {
      ...(answerCacheBytes === undefined ? {} : { answerCacheBytes }),
      ...(textScanChars === undefined ? {} : { textScanChars }),
    });
    await store.replaceAll(resources, extras);
    return store;
  }

  async find(query: QueryDocument, window: ResultWindow, withRecords: boolean): Promise<FindResult> {
    const snapshot = this.snapshot;
    const known = withRecords ? undefined : snapshot.counts.get(query);
    if (known !== undefined) return { total: known, records: [] };
    const key = snapshot.answers ? answerKey(query) : undefined;
    const cached = key === undefined ? undefined : snapshot.answers?.get(key);
    if (cached) return read(snapshot, cached, window, withRecords);
    try {
      return answer(snapshot, query, window, withRecords, key, new TextBudget(this.textScanChars));
    } finally {
      snapshot.pool.releaseAll();
    }
  }

  /** The same catalog and indexes, keeping no answers or memos: what a query costs without the answer cache (`npm run bench`). */
  withoutAnswerCache(): MemoryStore {
    const copy = new MemoryStore([], { answerCacheBytes: 0, textScanChars: this.textScanChars });
    const { answers: _dropped, ...catalog } = this.snapshot;
    copy.snapshot = { ...catalog, ...memos(catalog.size) };
    return copy;
  }

  async findById(id: string): Promise<CatalogResource | undefined> {
    const { positionOf, resources } = this.snapshot;
    const position = positionOf(id);
    return position === undefined ? undefined : resources[position];
  }

  async terms(among?: QueryDocument): Promise<CatalogTerms> {
    if (among) return termsAmong(this.snapshot, among);
    const { terms } = this.snapshot;
    return { themes: terms.distinct('themes'), types: terms.distinct('type'), countries: terms.distinct('country') };
  }

  async themePrefixes(): Promise<ReadonlySet<string>> {
    return this.snapshot.themePrefixes;
  }

  /** Builds the new catalog and its indexes aside, then swaps them in with one assignment; a rejected `extras.titles` leaves the old one. */
  async replaceAll(resources: readonly CatalogResource[], extras: CatalogExtras = {}): Promise<void> {
    this.snapshot = await buildSnapshotAside(resources, this.answerCacheBytes, extras);
  }

  async isReady(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
