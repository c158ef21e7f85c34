/** The loader against MongoDB over the wire: the bridge, or a real server when MONGODB_URI is set. */
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { loadCatalogFile } from '../../src/catalog/load-catalog';
import type { CatalogStore } from '../../src/store/catalog-store';
import { openMongoStore } from '../../src/store/mongodb/mongo-store';
import type { StoredResource } from '../../src/store/mongodb/find-pipeline';
import { mongoTestTarget, releaseMongoTestTarget, type MongoTestTarget } from '../support/mongo-test-target';
import { FIXTURE_CATALOG } from '../support/test-app';
import { cli, FIXTURE_ITEMS, removeTempDirs, tempDir, writeJson } from './cli-harness';

const ALL = { offset: 0, limit: 1000 };
const COLLECTION = 'catalog';

let target: MongoTestTarget;
let store: CatalogStore;
let admin: MongoClient;
let mongoFlags: string[];

beforeAll(async () => {
  target = await mongoTestTarget('cli');
  mongoFlags = ['--mongodb-uri', target.uri, '--database', target.database, '--collection', COLLECTION];
  store = await openMongoStore({
    uri: target.uri,
    database: target.database,
    collection: COLLECTION,
    serverSelectionTimeoutMS: 3000,
  });
  admin = new MongoClient(target.uri, { serverSelectionTimeoutMS: 3000 });
});

afterAll(async () => {
  await releaseMongoTestTarget(target, admin, store);
});

afterEach(removeTempDirs);

const load = (...args: string[]) => cli('load', ...args, ...mongoFlags, '--ontology', 'none');
const storedIds = async (): Promise<string[]> => (await store.find({}, ALL, true)).records.map((r) => r.id);
/** Without the load lock's collection, which a real server keeps once created (empty between loads). */
const collectionNames = async (): Promise<string[]> =>
  (await admin.db(target.database).listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => name !== `${COLLECTION}_locks`)
    .sort();
const fixtureIds = (): string[] =>
  FIXTURE_ITEMS()
    .map((i) => String(i['@id']))
    .sort();

describe('beacon-catalog load --mongodb-uri', () => {
  test('when the fixtures are loaded, then the collection holds exactly them, indexed, with no staging left', async () => {
    const run = await load(FIXTURE_CATALOG);

    expect(run.code).toBe(0);
    expect(await storedIds()).toEqual(fixtureIds());
    expect(await collectionNames()).toEqual([COLLECTION]);
    const indexes = await admin.db(target.database).collection(COLLECTION).indexes();
    expect(indexes.some((index) => index.name === 'id_1' && index.unique === true)).toBe(true);
  });

  test('when the same file is loaded twice, then the answers are identical', async () => {
    await load(FIXTURE_CATALOG);
    const before = await store.find({}, ALL, true);

    const run = await load(FIXTURE_CATALOG);

    expect(run.code).toBe(0);
    await expect(store.find({}, ALL, true)).resolves.toStrictEqual(before);
  });

  test('when one record of the new catalog is invalid, then the load exits 1 and the old catalog is untouched', async () => {
    await load(FIXTURE_CATALOG);
    const items = FIXTURE_ITEMS();
    const input = writeJson(tempDir(), 'bad.json', [
      { ...items[0], '@id': 'https://ex.org/only' },
      { ...items[1], license: 42 },
    ]);

    const run = await load(input);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${input}:index 1 (${String(items[1]?.['@id'])})`);
    expect(await storedIds()).toEqual(fixtureIds());
  });

  test('when the new catalog repeats an @id, then the load exits 1 and the old catalog is untouched', async () => {
    await load(FIXTURE_CATALOG);
    const items = FIXTURE_ITEMS().slice(0, 3);
    const input = writeJson(tempDir(), 'dup.json', [...items, items[2]]);

    const run = await load(input);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('duplicate @id');
    expect(await storedIds()).toEqual(fixtureIds());
  });

  test('when a load crashed between staging and swap, then the old catalog is served whole and the next load cleans up', async () => {
    await load(FIXTURE_CATALOG);
    // What a loader killed before the rename leaves: a partly filled staging collection.
    const next = loadCatalogFile(
      writeJson(
        tempDir(),
        'next.json',
        FIXTURE_ITEMS()
          .slice(0, 5)
          .map((i, n) => ({ ...i, '@id': `https://ex.org/next/${n}` })),
      ),
    );
    await admin
      .db(target.database)
      .collection<StoredResource>(`${COLLECTION}__staging_deadbeef0000`)
      .insertMany(next.slice(0, 2).map((r) => ({ ...r, _id: r.id, themeAncestors: r.themes })));

    expect(await storedIds()).toEqual(fixtureIds());
    expect((await store.find({ id: { $regex: '^https://ex.org/next/' } }, ALL, false)).total).toBe(0);

    const run = await load(FIXTURE_CATALOG);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${COLLECTION}__staging_deadbeef0000`);
    expect(await collectionNames()).toEqual([COLLECTION]);
    expect(await storedIds()).toEqual(fixtureIds());
  });

  test('when --upsert loads a changed and a new record, then they merge by @id and the rest stays', async () => {
    await load(FIXTURE_CATALOG);
    const items = FIXTURE_ITEMS();
    const input = writeJson(tempDir(), 'u.json', [
      { ...items[0], title: 'Renamed' },
      { ...items[1], '@id': 'https://ex.org/new' },
    ]);

    const run = await load(input, '--upsert');
    const again = await load(input, '--upsert');

    expect([run.code, again.code]).toEqual([0, 0]);
    expect(await storedIds()).toEqual([...fixtureIds(), 'https://ex.org/new'].sort());
    expect((await store.findById(String(items[0]?.['@id'])))?.title).toBe('Renamed');
  });

  test('when verify and export run against the collection, then verify agrees and the export loads back the same', async () => {
    await load(FIXTURE_CATALOG);
    const dir = tempDir();
    const csv = path.join(dir, 'export.csv');

    const verify = await cli('verify', FIXTURE_CATALOG, ...mongoFlags);
    const exported = await cli('export', '--format', 'csv', ...mongoFlags, '--out', csv);
    const reload = await cli('load', csv, '--out', path.join(dir, 'again.json'));

    expect([verify.code, exported.code, reload.code]).toEqual([0, 0, 0]);
    // Loaded with `--ontology none`, so the stored ancestors are the themes, as a file's are.
    expect(loadCatalogFile(path.join(dir, 'again.json'))).toEqual((await store.find({}, ALL, true)).records);
  });

  test('when loaded with the shipped ontologies, then each resource stores its theme ancestors', async () => {
    const run = await cli('load', FIXTURE_CATALOG, ...mongoFlags);

    expect(run.code).toBe(0);
    const stored = await admin.db(target.database).collection<StoredResource>(COLLECTION).find().toArray();
    expect(stored.every((r) => r.themes.every((t) => r.themeAncestors.includes(t)))).toBe(true);
    expect(stored.some((r) => r.themeAncestors.length > r.themes.length)).toBe(true);
    // Records read through the store never carry them.
    expect((await store.find({}, ALL, true)).records.some((r) => 'themeAncestors' in r)).toBe(false);
  });

  test('when verify finds the collection differs, then it exits 1', async () => {
    await load(FIXTURE_CATALOG);
    const manifest = writeJson(tempDir(), 'm.json', FIXTURE_ITEMS().slice(1));

    const run = await cli('verify', manifest, ...mongoFlags);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`extra ${String(FIXTURE_ITEMS()[0]?.['@id'])}\n`);
  });
});
