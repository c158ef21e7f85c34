/**
 * The catalogs filter cases through the whole app over MongoDB (the wire bridge, or a real
 * server when MONGODB_URI is set), loaded by the loader CLI: each gives the same result ids
 * as the embedded store and as the oracle.
 */
import { PassThrough } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import { runCli } from '../../src/cli/run-cli';
import type { CatalogStore } from '../../src/store/catalog-store';
import { openMongoStore } from '../../src/store/mongodb/mongo-store';
import { CASES, idsWhere } from '../support/catalog-filter-cases';
import { mongoTestTarget, type MongoTestTarget } from '../support/mongo-test-target';
import { createTestApp, FIXTURE_CATALOG, testConfig } from '../support/test-app';

let target: MongoTestTarget;
let store: CatalogStore;
let overMongo: Express;
const embedded = createTestApp();

beforeAll(async () => {
  target = await mongoTestTarget('api');
  const flags = [
    '--mongodb-uri',
    target.uri,
    '--database',
    target.database,
    '--collection',
    'catalog',
    '--ontology',
    'none',
  ];
  const code = await runCli(['load', FIXTURE_CATALOG, ...flags], {
    stdout: new PassThrough(),
    stderr: new PassThrough(),
  });
  if (code !== 0) throw new Error(`loading the fixtures into MongoDB exited ${code}`);
  store = await openMongoStore({
    uri: target.uri,
    database: target.database,
    collection: 'catalog',
    serverSelectionTimeoutMS: 3000,
  });
  overMongo = createApp({ config: testConfig(), store, logger: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await store?.close();
  await target?.bridge?.dispose();
});

async function resultIds(app: Express, filters: unknown[], pagination: Record<string, number> = { limit: 1000 }) {
  const res = await request(app)
    .post('/catalogs')
    .send({ meta: { apiVersion: 'v2.0.0' }, query: { filters, pagination } });
  expect(res.status).toBe(200);
  const results: Record<string, string>[] = res.body.response.resultSets[0]?.results ?? [];
  return { ids: results.map((r) => r.id ?? r['@id']), total: res.body.responseSummary.numTotalResults as number };
}

describe('POST /catalogs over MongoDB', () => {
  test.each(CASES)(
    "when filtering by %s, then MongoDB gives the embedded store's ids",
    async (_name, filters, expected) => {
      const mongo = await resultIds(overMongo, filters);
      const memory = await resultIds(embedded, filters);

      expect(mongo).toEqual(memory);
      expect([...mongo.ids].sort()).toEqual(idsWhere(expected));
    },
  );

  test.each([
    [0, 10, 10],
    [1, 10, 10],
    [6, 10, 8],
    [7, 10, 0],
    [3, 1, 1],
  ])(
    'when paging with skip %i (pages) and limit %i, then both stores give the same %i ids in the same order',
    async (skip, limit, size) => {
      const mongo = await resultIds(overMongo, [], { skip, limit });
      const memory = await resultIds(embedded, [], { skip, limit });

      expect(mongo).toEqual(memory);
      expect(mongo.ids).toHaveLength(size);
    },
  );

  test('when one resource is asked for by id, then both stores answer the same body', async () => {
    const id = idsWhere(() => true)[5] as string;
    const path = `/catalogs/${encodeURIComponent(id)}`;

    const [mongo, memory] = await Promise.all([request(overMongo).get(path), request(embedded).get(path)]);

    expect(mongo.status).toBe(200);
    expect(mongo.body.response).toEqual(memory.body.response);
  });

  test('when the filtering terms are listed, then both stores list the same terms', async () => {
    const [mongo, memory] = await Promise.all([
      request(overMongo).get('/filtering_terms'),
      request(embedded).get('/filtering_terms'),
    ]);

    expect(mongo.status).toBe(200);
    expect(mongo.body.response).toEqual(memory.body.response);
  });
});
