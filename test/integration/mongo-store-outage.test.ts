/**
 * The database going away and coming back. A real MongoDB cannot be stopped from here,
 * so this suite always runs against the wire bridge, whose data survives its restarts.
 */
import { MongoClient } from 'mongodb';
import type { CatalogStore } from '../../src/store/catalog-store';
import { openMongoStore } from '../../src/store/mongodb/mongo-store';
import { StoreUnavailableError } from '../../src/store/store-errors';
import { startMongoWireServer, type MongoWireServer } from '../support/start-mongo-wire-server';
import { syntheticCatalog } from '../support/synthetic-catalog';

const CATALOG = syntheticCatalog(20);
const ALL = { offset: 0, limit: 100 };
const DATABASE = 'beacon_catalog_outage';
/** Short, so a call against a stopped server fails fast. */
const SELECTION_MS = 1000;

let bridge: MongoWireServer;
let store: CatalogStore;

beforeAll(async () => {
  bridge = await startMongoWireServer();
  store = await openMongoStore({ uri: bridge.uri, database: DATABASE, serverSelectionTimeoutMS: SELECTION_MS });
  await store.replaceAll(CATALOG);
});

afterAll(async () => {
  await store?.close();
  await bridge?.dispose();
});

/** Poll until the store says it is ready, for at most `ms`. */
async function readyWithin(candidate: CatalogStore, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await candidate.isReady()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('MongoDB store: outage', () => {
  test('when the store is open and the server up, then it is ready', async () => {
    await expect(store.isReady()).resolves.toBe(true);
  });

  test('when the server is stopped, then isReady is false and find rejects quickly with StoreUnavailableError', async () => {
    await bridge.stop();
    const started = Date.now();

    const failure = await store.find({}, ALL, true).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(SELECTION_MS * 3 + 1000);
    await expect(store.findById(CATALOG[0]?.id ?? '')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.terms()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.isReady()).resolves.toBe(false);
  });

  test('when the server is restarted, then the same store serves again without reopening', async () => {
    await bridge.restart();

    expect(await readyWithin(store, 5000)).toBe(true);
    const result = await store.find({}, ALL, true);
    expect(result.total).toBe(CATALOG.length);
  });

  test('when the database is down at open, then opening succeeds and the store serves once it is up', async () => {
    await bridge.stop();

    const late = await openMongoStore({
      uri: bridge.uri,
      database: DATABASE,
      collection: 'late',
      serverSelectionTimeoutMS: SELECTION_MS,
    });
    try {
      await expect(late.isReady()).resolves.toBe(false);
      await expect(late.find({}, ALL, false)).rejects.toBeInstanceOf(StoreUnavailableError);

      await bridge.restart();

      expect(await readyWithin(late, 5000)).toBe(true);
      await late.replaceAll(CATALOG.slice(0, 5));
      await expect(late.find({}, ALL, false)).resolves.toStrictEqual({ total: 5, records: [] });
    } finally {
      await late.close();
    }
  });

  test('when the database was down at open, then the indexes are created once it is ready', async () => {
    await bridge.stop();
    const late = await openMongoStore({
      uri: bridge.uri,
      database: DATABASE,
      collection: 'later',
      serverSelectionTimeoutMS: SELECTION_MS,
    });
    await bridge.restart();
    const admin = new MongoClient(bridge.uri, { serverSelectionTimeoutMS: SELECTION_MS });
    try {
      expect(await readyWithin(late, 5000)).toBe(true);

      const names = (await admin.db(DATABASE).collection('later').indexes()).map((index) => index.name);

      expect(names).toEqual(
        expect.arrayContaining(['id_1', 'type_1', 'country_1', 'themes_1', 'themeAncestors_1', 'title_1']),
      );
    } finally {
      await admin.close();
      await late.close();
    }
  });

  test('when the store is closed, then calls reject with StoreUnavailableError', async () => {
    const closing = await openMongoStore({
      uri: bridge.uri,
      database: DATABASE,
      serverSelectionTimeoutMS: SELECTION_MS,
    });
    await closing.close();

    await expect(closing.find({}, ALL, true)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
