import type { CatalogResource } from '../../model/catalog-resource';
import type { QueryDocument } from '../../query/query-document';
import {
  type CatalogExtras as StoreExtras,
  type CatalogStore,
  type CatalogTerms,
  type FindResult,
  type ResultWindow,
  themeAlone,
} from '../catalog-store';
import { answerQuery } from './answer-query';
import { DEFAULT_LIMITS, indexed, memosOf, type MemoryLimits, type Snapshot } from './snapshot';
import { termsAmong } from './terms-among';
import type { TrigramPostings } from './trigram-build';

/** What a catalog load may hand the embedded store beside its documents. */
export interface CatalogExtras extends StoreExtras {
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
  /** The other bounds of what a snapshot keeps (tests set them tiny). */
  limits?: Partial<Omit<MemoryLimits, 'answerCacheBytes'>>;
  titles?: TrigramPostings;
}

/** The default text budget: tens of milliseconds of folding and `indexOf` on this machine. */
const DEFAULT_TEXT_SCAN_CHARS = 20_000_000;

/**
 * The embedded store: the catalog in memory, sorted by `id`, with posting-list indexes on
 * type, country, themes, themeAncestors, accessLevel and id and a trigram index on titles.
 * Queries are planned onto the indexes (see README.md beside this file); answers equal a
 * full mingo scan (test/unit/store/memory/ checks it). A reload builds a new snapshot aside
 * and swaps it in with one assignment: a query reads one snapshot from start to end.
 */
export class MemoryStore implements CatalogStore {
  readonly kind = 'memory' as const;
  private snapshot: Snapshot;
  private readonly limits: Readonly<MemoryLimits>;
  private readonly textScanChars: number;

  constructor(resources: readonly CatalogResource[] = [], options: MemoryStoreOptions = {}) {
    this.limits = {
      ...DEFAULT_LIMITS,
      ...options.limits,
      ...(options.answerCacheBytes === undefined ? {} : { answerCacheBytes: options.answerCacheBytes }),
    };
    this.textScanChars = options.textScanChars ?? DEFAULT_TEXT_SCAN_CHARS;
    this.snapshot = indexed(resources, this.limits, options.themeClosure ?? themeAlone)(options.titles);
  }

  /** The store `npm start` opens on a catalog load's documents and extras (`replaceAll` builds the same way). */
  static async build(
    resources: readonly CatalogResource[],
    { titles, themeClosure, ...options }: Omit<MemoryStoreOptions, 'titles'> & CatalogExtras,
  ): Promise<MemoryStore> {
    const store = new MemoryStore([], options);
    await store.replaceAll(resources, { ...(titles ? { titles } : {}), ...(themeClosure ? { themeClosure } : {}) });
    return store;
  }

  async find(query: QueryDocument, window: ResultWindow, withRecords: boolean): Promise<FindResult> {
    return answerQuery(this.snapshot, query, window, withRecords, this.textScanChars);
  }

  /** The same catalog and indexes, keeping no answers and new memos: what a query costs without the answer cache (`npm run bench`). */
  withoutAnswerCache(): MemoryStore {
    const copy = new MemoryStore([], { answerCacheBytes: 0, textScanChars: this.textScanChars, limits: this.limits });
    const { answers: _dropped, ...catalog } = this.snapshot;
    copy.snapshot = { ...catalog, ...memosOf(catalog.size, copy.limits) };
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
    const complete = indexed(resources, this.limits, extras.themeClosure ?? themeAlone);
    this.snapshot = complete(await extras.titles);
  }

  async isReady(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
