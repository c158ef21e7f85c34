/**
 * The whole app on the MongoDB store while the database goes away and comes back: the
 * wire bridge is stopped and restarted under a running app, which is never rebuilt.
 */
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import type { CatalogStore } from '../../src/store/catalog-store';
import { openMongoStore } from '../../src/store/mongodb/mongo-store';
import { startMongoWireServer, type MongoWireServer } from '../support/start-mongo-wire-server';
import { syntheticCatalog } from '../support/synthetic-catalog';
import { expectBeaconSchema } from '../support/schema-assertions';
import { testConfig } from '../support/test-app';

const CATALOG = syntheticCatalog(12);
const QUERY = { meta: { apiVersion: 'v2.0.0' }, query: { filters: [], requestedGranularity: 'count' } };
/** Short, so a query against the stopped server fails well inside the request timeout. */
const SELECTION_MS = 1000;

let bridge: MongoWireServer;
let store: CatalogStore;
let app: Express;

beforeAll(async () => {
  bridge = await startMongoWireServer();
  const config = testConfig({ mongodbUri: bridge.uri });
  store = await openMongoStore({
    uri: bridge.uri,
    database: 'beacon_catalog_app_recovery',
    maxTimeMS: config.mongodbMaxTimeMs,
    serverSelectionTimeoutMS: SELECTION_MS,
  });
  await store.replaceAll(CATALOG);
  app = createApp({ config, store, logger: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await store?.close();
  await bridge?.dispose();
});

/** Ask `/health/ready` until it says 200, at most `attempts` times a quarter second apart. */
async function readyAfterPolling(attempts: number): Promise<number> {
  let status = 0;
  for (let i = 0; i < attempts && status !== 200; i += 1) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    status = (await request(app).get('/health/ready')).status;
  }
  return status;
}

describe('the app over MongoDB: outage and recovery', () => {
  test('when the server is up, then /health/ready and /catalogs are 200', async () => {
    const ready = await request(app).get('/health/ready');
    const answer = await request(app).post('/catalogs').send(QUERY);

    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'UP', store: 'mongodb' });
    expect(answer.status).toBe(200);
    expect(answer.body.responseSummary).toEqual({ exists: true, numTotalResults: CATALOG.length });
  });

  test('when the server is stopped, then /health/ready is 503 DOWN and /catalogs a 503 Beacon error', async () => {
    await bridge.stop();

    const ready = await request(app).get('/health/ready');
    const answer = await request(app).post('/catalogs').send(QUERY);
    const entry = await request(app).get(`/catalogs/${encodeURIComponent(CATALOG[0]!.id)}`);

    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'DOWN', store: 'mongodb' });
    expect(answer.status).toBe(503);
    expectBeaconSchema(answer.body, 'error');
    expect(answer.body.error).toEqual({
      errorCode: 503,
      errorMessage: 'the catalog store is unavailable; try again shortly',
    });
    expect(entry.status).toBe(503);
    expectBeaconSchema(entry.body, 'error');
  });

  test('when the server is restarted, then the same app answers 200 again with the whole catalog', async () => {
    await bridge.restart();

    const readyStatus = await readyAfterPolling(40);
    const answer = await request(app).post('/catalogs').send(QUERY);

    expect(readyStatus).toBe(200);
    expect(answer.status).toBe(200);
    expectBeaconSchema(answer.body, 'count');
    expect(answer.body.responseSummary).toEqual({ exists: true, numTotalResults: CATALOG.length });
  });
});
