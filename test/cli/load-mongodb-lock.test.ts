/** The load lock of a MongoDB collection, over the wire: the bridge, or a real server when MONGODB_URI is set. */
import fs from 'node:fs';
import os from 'node:os';
import { MongoClient } from 'mongodb';
import { EXIT_CODES } from '../../src/cli/exit-codes';
import type { CatalogStore } from '../../src/store/catalog-store';
import { openMongoStore } from '../../src/store/mongodb/mongo-store';
import { mongoTestTarget, releaseMongoTestTarget, type MongoTestTarget } from '../support/mongo-test-target';
import { cli, deadPid, fifo, FIXTURE_ITEMS, ndjson, removeTempDirs, tempDir, writeJson } from './cli-harness';

const COLLECTION = 'catalog';
const LOCKS = `${COLLECTION}_locks`;

let target: MongoTestTarget;
let store: CatalogStore;
let admin: MongoClient;
let mongoFlags: string[];

beforeAll(async () => {
  target = await mongoTestTarget('cli_lock');
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

afterEach(async () => {
  removeTempDirs();
  await admin.db(target.database).collection(LOCKS).deleteMany({});
});

const load = (...args: string[]) => cli('load', ...args, ...mongoFlags, '--ontology', 'none');
const storedIds = async (): Promise<string[]> =>
  (await store.find({}, { offset: 0, limit: 1000 }, true)).records.map((r) => r.id).sort();
const idsOf = (items: readonly Record<string, unknown>[]): string[] => items.map((i) => String(i['@id'])).sort();
const locks = () => admin.db(target.database).collection<{ _id: string }>(LOCKS);
const lockDocument = (pid: number, host: string, expiresAt: Date) => ({
  _id: 'load',
  pid,
  host,
  since: '2026-01-01T00:00:00.000Z',
  token: 'left-behind',
  expiresAt,
});
const inAnHour = (): Date => new Date(Date.now() + 3_600_000);

describe('beacon-catalog load --mongodb-uri: the lock on the collection', () => {
  test('when two --upsert loads run at once against one collection, then the second fails fast with exit 4 and only the first is merged', async () => {
    const items = FIXTURE_ITEMS();
    await load(writeJson(tempDir(), 'base.json', items.slice(0, 4)));
    const dir = tempDir();
    const inputs = { a: items.slice(4, 9), b: items.slice(9, 16) };
    const pipes = { a: fifo(dir, 'a.ndjson'), b: fifo(dir, 'b.ndjson') };

    // Each load waits on its pipe once it holds the lock: the other must find the lock taken.
    const loads = { a: load(pipes.a, '--upsert'), b: load(pipes.b, '--upsert') };
    const first = await Promise.race((['a', 'b'] as const).map(async (name) => ({ name, ...(await loads[name]) })));
    const winner = first.name === 'a' ? 'b' : 'a';
    await fs.promises.writeFile(pipes[winner], ndjson(inputs[winner]));
    const won = await loads[winner];

    expect(first.code).toBe(EXIT_CODES.locked);
    expect(first.stderr).toContain(
      `MongoDB collection ${COLLECTION} is being loaded by another beacon-catalog load (pid ${process.pid} on host ${os.hostname()}`,
    );
    expect(first.stderr).toContain(`lock document "load" in ${LOCKS}`);
    expect(won.code).toBe(0);
    expect(await storedIds()).toEqual(idsOf([...items.slice(0, 4), ...inputs[winner]]));
    expect(await locks().countDocuments()).toBe(0);
  });

  test('when a live lease is held from another host, then the load exits 4 naming it and the collection is untouched', async () => {
    await load(writeJson(tempDir(), 'base.json', FIXTURE_ITEMS().slice(0, 3)));
    await locks().insertOne(lockDocument(4321, 'loader-elsewhere', inAnHour()));

    const run = await load(writeJson(tempDir(), 'in.json', FIXTURE_ITEMS()));

    expect(run.code).toBe(EXIT_CODES.locked);
    expect(run.stderr).toContain('(pid 4321 on host loader-elsewhere since 2026-01-01T00:00:00.000Z, lease until');
    expect(await storedIds()).toEqual(idsOf(FIXTURE_ITEMS().slice(0, 3)));
    expect(await locks().countDocuments()).toBe(1);
  });

  test.each([
    [
      'a load on another host whose lease is over',
      () => lockDocument(4321, 'loader-elsewhere', new Date(Date.now() - 1000)),
    ],
    ['a dead load on this host, lease or not', () => lockDocument(deadPid(), os.hostname(), inAnHour())],
  ])('when the lock was left by %s, then the next load takes it over and loads', async (_who, left) => {
    const stale = left();
    await locks().insertOne(stale);

    const run = await load(writeJson(tempDir(), 'in.json', FIXTURE_ITEMS()));

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `took over the lock ${LOCKS} (MongoDB) of a load no longer running (pid ${stale.pid} on host ${stale.host}`,
    );
    expect(await storedIds()).toEqual(idsOf(FIXTURE_ITEMS()));
    expect(await locks().countDocuments()).toBe(0);
  });
});
