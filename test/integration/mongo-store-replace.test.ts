/** `replaceAll` over the wire: a staging collection renamed over the live one in one step. */
import { MongoClient } from 'mongodb';
import type { CatalogStore } from '../../src/store/catalog-store';
import { openMongoStore } from '../../src/store/mongodb/mongo-store';
import { mongoTestTarget, releaseMongoTestTarget, type MongoTestTarget } from '../support/mongo-test-target';
import { syntheticCatalog } from '../support/synthetic-catalog';

const FIRST = syntheticCatalog(30, 1);
const SECOND = syntheticCatalog(12, 2);
const ALL = { offset: 0, limit: 100 };

let target: MongoTestTarget;
let store: CatalogStore;
let admin: MongoClient;

beforeAll(async () => {
  target = await mongoTestTarget('replace');
  store = await openMongoStore({
    uri: target.uri,
    database: target.database,
    collection: 'catalog',
    serverSelectionTimeoutMS: 3000,
  });
  admin = new MongoClient(target.uri, { serverSelectionTimeoutMS: 3000 });
});

afterAll(async () => {
  await releaseMongoTestTarget(target, admin, store);
});

const collectionNames = async (): Promise<string[]> =>
  (await admin.db(target.database).listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();

describe('MongoDB store: replaceAll', () => {
  test('when a catalog replaces another, then the old records are all gone', async () => {
    await store.replaceAll(FIRST);

    await store.replaceAll(SECOND);

    const result = await store.find({}, ALL, true);
    expect(result.total).toBe(SECOND.length);
    expect(result.records.every((record) => record.id.includes('/g2/'))).toBe(true);
    await expect(store.findById(FIRST[0]?.id ?? '')).resolves.toBeUndefined();
  });

  test('when the same catalog is loaded twice, then the answers are identical', async () => {
    await store.replaceAll(SECOND);
    const before = await store.find({}, ALL, true);

    await store.replaceAll(SECOND);

    await expect(store.find({}, ALL, true)).resolves.toStrictEqual(before);
    await expect(store.terms()).resolves.toStrictEqual(await store.terms());
  });

  test('when a replacement is done, then no staging collection is left and the indexes are there', async () => {
    await store.replaceAll(FIRST);

    expect(await collectionNames()).toStrictEqual(['catalog']);
    const indexes = await admin.db(target.database).collection('catalog').indexes();
    expect(indexes.map((index) => index.name).sort()).toStrictEqual([
      '_id_',
      'country_1',
      'id_1',
      'themeAncestors_1',
      'themes_1',
      'title_1',
      'type_1',
    ]);
  });

  test('when an empty catalog replaces one, then nothing is found and the collection stays indexed', async () => {
    await store.replaceAll([]);

    await expect(store.find({}, ALL, true)).resolves.toStrictEqual({ total: 0, records: [] });
    await expect(store.terms()).resolves.toStrictEqual({ themes: [], types: [], countries: [] });
    const indexes = await admin.db(target.database).collection('catalog').indexes();
    expect(indexes.some((index) => index.name === 'id_1' && index.unique === true)).toBe(true);
  });

  test('when the catalog has a duplicate id, then replaceAll rejects and the live catalog is untouched', async () => {
    await store.replaceAll(SECOND);
    const duplicate = [...FIRST, { ...FIRST[0]!, title: 'Duplicate' }];

    await expect(store.replaceAll(duplicate)).rejects.toThrow();

    expect((await store.find({}, ALL, false)).total).toBe(SECOND.length);
    expect(await collectionNames()).toStrictEqual(['catalog']);
  });

  test('when a replacement runs, then concurrent readers see the old or the new catalog, never a mix', async () => {
    await store.replaceAll(FIRST);

    const reads = Array.from({ length: 20 }, () => store.find({}, ALL, true));
    const [, ...results] = await Promise.all([store.replaceAll(SECOND), ...reads]);

    for (const result of results) {
      const generations = new Set(result.records.map((record) => (record.id.includes('/g1/') ? 1 : 2)));
      expect(generations.size).toBe(1);
      expect(result.total).toBe(generations.has(1) ? FIRST.length : SECOND.length);
    }
    expect((await store.find({}, ALL, false)).total).toBe(SECOND.length);
  });
});
