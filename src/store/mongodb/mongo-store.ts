import { randomBytes } from 'node:crypto';
import type { Collection, Db, Filter } from 'mongodb';
import type { CatalogResource } from '../../model/catalog-resource';
import {
  type CatalogExtras,
  type CatalogStore,
  type CatalogTerms,
  type FindResult,
  type ResultWindow,
  type ThemeClosure,
  themeAlone,
  themeAncestorsOf,
} from '../catalog-store';
import type { QueryDocument } from '../../query/query-document';
import { mongoConnection } from './connection';
import { guarded } from './errors';
import { findPipeline, readFacet, RESOURCE_PROJECTION, type StoredResource } from './find-pipeline';
import { createMongoIndexes } from './indexes';
import { keptForAWhile } from './kept-for-a-while';
import { themePrefixesOf } from '../../model/theme-id';

/**
 * How long the themes' prefixes are kept: loads usually come from the CLI, which this
 * process does not see, so a new vocabulary becomes queryable within this time.
 */
const THEME_PREFIXES_TTL_MS = 60_000;

/** The part of a pino logger the store uses. */
export interface MongoStoreLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface MongoStoreOptions {
  uri: string;
  /** Default: the database named in the URI, else the driver's default (`test`). */
  database?: string;
  collection?: string;
  /** Server-side limit on every read. */
  maxTimeMS?: number;
  /** How long a call waits for an unreachable server before rejecting with StoreUnavailableError. */
  serverSelectionTimeoutMS?: number;
  logger?: MongoStoreLogger;
}

export const MONGO_STORE_DEFAULTS = {
  collection: 'resources',
  maxTimeMS: 3000,
  serverSelectionTimeoutMS: 5000,
} as const;

const SILENT: MongoStoreLogger = { info: () => undefined, warn: () => undefined };

/** A resource as the collection holds it: `_id` and its themes' closures beside the record. */
function stored(resource: CatalogResource, closure: ThemeClosure): StoredResource {
  return { ...resource, _id: resource.id, themeAncestors: themeAncestorsOf(resource.themes, closure) };
}

/**
 * Open the catalog held in MongoDB: one pooled client for the store's life. The driver
 * connects lazily, so a database that is down at start is not fatal: `isReady()` is false
 * and calls reject with `StoreUnavailableError` until it is back, then serve again.
 * Only a malformed URI throws.
 */
export async function openMongoStore(options: MongoStoreOptions): Promise<CatalogStore> {
  const logger = options.logger ?? SILENT;
  const maxTimeMS = options.maxTimeMS ?? MONGO_STORE_DEFAULTS.maxTimeMS;
  const connection = mongoConnection(
    options.uri,
    {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? MONGO_STORE_DEFAULTS.serverSelectionTimeoutMS,
      ignoreUndefined: true,
    },
    options.database,
  );
  const name = options.collection ?? MONGO_STORE_DEFAULTS.collection;
  const database = (): Promise<Db> => connection.database();
  const collection = async (): Promise<Collection<StoredResource>> =>
    (await database()).collection<StoredResource>(name);

  let indexed: Promise<void> | undefined;
  const ensureIndexes = (): Promise<void> => {
    indexed ??= guarded(async () => createMongoIndexes(await collection())).catch((error: unknown) => {
      indexed = undefined;
      throw error;
    });
    return indexed;
  };

  try {
    await ensureIndexes();
  } catch (error) {
    logger.warn({ err: error, collection: name }, 'catalog indexes not created at open; will retry when ready');
  }

  async function find(query: QueryDocument, window: ResultWindow, withRecords: boolean): Promise<FindResult> {
    const filter = query as Filter<StoredResource>;
    if (!withRecords || window.limit <= 0) {
      const total = await guarded(async () => (await collection()).countDocuments(filter, { maxTimeMS }));
      return { total, records: [] };
    }
    const output = await guarded(async () =>
      (await collection()).aggregate(findPipeline(query, window), { maxTimeMS }).toArray(),
    );
    return readFacet(output);
  }

  async function findById(id: string): Promise<CatalogResource | undefined> {
    const found = await guarded(async () =>
      (await collection()).findOne({ id }, { projection: RESOURCE_PROJECTION, maxTimeMS }),
    );
    return (found as CatalogResource | null) ?? undefined;
  }

  async function terms(among: QueryDocument = {}): Promise<CatalogTerms> {
    const distinct = async (field: 'themes' | 'type' | 'country'): Promise<string[]> => {
      const values: unknown[] = await guarded(async () =>
        (await collection()).distinct(field, among as Filter<StoredResource>, { maxTimeMS }),
      );
      return values.filter((value): value is string => typeof value === 'string').sort();
    };
    const [themes, types, countries] = await Promise.all([distinct('themes'), distinct('type'), distinct('country')]);
    return { themes, types, countries };
  }

  const prefixes = keptForAWhile(THEME_PREFIXES_TTL_MS, async (): Promise<ReadonlySet<string>> => {
    const themes: unknown[] = await guarded(async () => (await collection()).distinct('themes', {}, { maxTimeMS }));
    return themePrefixesOf(themes.filter((theme): theme is string => typeof theme === 'string'));
  });

  /** Fill a staging collection, index it, then rename it over the live one in one step. */
  async function replaceAll(resources: readonly CatalogResource[], extras: CatalogExtras = {}): Promise<void> {
    const closure = extras.themeClosure ?? themeAlone;
    const db = await database();
    const stagingName = `${name}__staging_${randomBytes(6).toString('hex')}`;
    const staging = db.collection<StoredResource>(stagingName);
    try {
      if (resources.length > 0) {
        await guarded(() => staging.insertMany(resources.map((resource) => stored(resource, closure))));
      }
      await guarded(() => createMongoIndexes(staging));
      await guarded(() => db.renameCollection(stagingName, name, { dropTarget: true }));
    } catch (error) {
      await staging.drop().catch(() => undefined);
      throw error;
    }
    indexed = Promise.resolve();
    prefixes.forget();
    logger.info({ collection: name, count: resources.length }, 'catalog replaced');
  }

  async function isReady(): Promise<boolean> {
    try {
      await guarded(async () => (await database()).command({ ping: 1 }));
      await ensureIndexes();
      return true;
    } catch {
      return false;
    }
  }

  return {
    kind: 'mongodb',
    find,
    findById,
    terms,
    themePrefixes: prefixes.get,
    replaceAll,
    isReady,
    close: () => connection.close(),
  };
}
