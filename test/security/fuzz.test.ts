import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { beaconSchemaValidator } from '../../src/request/schema-registry';
import { ALLOWED_QUERY_KEYS, RecordingStore, queryKeys } from './recording-store';
import { adversarialBody, adversarialQueryString } from './adversarial-requests';
import { longTextCatalog } from '../support/long-text-catalog';

const SCHEMAS = {
  error: beaconSchemaValidator('responses/beaconErrorResponse.json'),
  record: beaconSchemaValidator('responses/beaconResultsetsResponse.json'),
  count: beaconSchemaValidator('responses/beaconCountResponse.json'),
  boolean: beaconSchemaValidator('responses/beaconBooleanResponse.json'),
};

const statuses = new Map<number, number>();

/** 200 with a valid result envelope, or 4xx with a valid error envelope; never anything else. */
function checkAnswer(res: request.Response): void {
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  if (res.status >= 400 && res.status < 500) {
    if (!SCHEMAS.error(res.body)) throw new Error(`invalid error body: ${JSON.stringify(res.body).slice(0, 500)}`);
    return;
  }
  if (res.status !== 200) throw new Error(`status ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  const granularity = res.body?.meta?.returnedGranularity as keyof typeof SCHEMAS;
  const validate = SCHEMAS[granularity];
  if (!validate?.(res.body))
    throw new Error(`invalid ${granularity} body: ${JSON.stringify(validate?.errors).slice(0, 500)}`);
}

describe('adversarial requests (fast-check)', () => {
  const store = new RecordingStore(fixtureCatalog());
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = createTestApp({ deps: { store }, config: { rateLimitPerMinute: 0 } });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('when thousands of malformed POST bodies arrive, then each is 200 or 4xx with a valid envelope and the server stays up', async () => {
    await fc.assert(
      fc.asyncProperty(adversarialBody, async (body) => {
        const res = await request(base).post('/catalogs').set('Content-Type', 'application/json').send(body);
        checkAnswer(res);
      }),
      { numRuns: 2500, seed: 20260601 },
    );
    expect((await request(base).get('/health/live')).status).toBe(200);
  });

  test('when hundreds of malformed GET query strings arrive, then each is 200 or 4xx with a valid envelope', async () => {
    await fc.assert(
      fc.asyncProperty(adversarialQueryString, async (qs) => {
        checkAnswer(await request(base).get(`/catalogs?${qs}`));
      }),
      { numRuns: 800, seed: 20260602 },
    );
  });

  test('when all of that has been sent, then no query document held a key outside the field map', () => {
    expect(store.queries.length).toBeGreaterThan(100);
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(300);
    expect([...queryKeys(store.queries)].filter((key) => !ALLOWED_QUERY_KEYS.has(key))).toEqual([]);
  });

  test('when a %-pattern is built to backtrack catastrophically, then it is answered at once', async () => {
    const value = `%${'a%'.repeat(400)}b`;
    const res = await request(base)
      .post('/catalogs')
      .send({ query: { filters: [{ id: 'dct:title', operator: '=', value }] } });
    checkAnswer(res);
    expect(res.body.responseSummary).toEqual({ exists: false, numTotalResults: 0 });
  });
});

describe('adversarial requests on long descriptions and tiered records (fast-check)', () => {
  // Five copies of the fixtures with 600+ character descriptions; every fourth registered, every seventh controlled.
  const catalog = longTextCatalog(5, true);
  const store = new RecordingStore(catalog);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = createTestApp({ resources: catalog, deps: { store }, config: { rateLimitPerMinute: 0 } });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('when malformed bodies arrive from an anonymous caller, then each is 200 or 4xx with a valid envelope and no withheld record is listed', async () => {
    const withheld = new Set(catalog.filter((r) => r.accessLevel !== undefined).map((r) => r.id));
    expect(withheld.size).toBeGreaterThan(50);
    await fc.assert(
      fc.asyncProperty(adversarialBody, async (body) => {
        const res = await request(base).post('/catalogs').set('Content-Type', 'application/json').send(body);
        checkAnswer(res);
        const listed = (res.body?.response?.resultSets ?? []).flatMap(
          (set: { results?: Record<string, string>[] }) => set.results ?? [],
        );
        expect(listed.filter((item: Record<string, string>) => withheld.has(item.id ?? item['@id'] ?? ''))).toEqual([]);
      }),
      { numRuns: 600, seed: 20261204 },
    );
    expect((await request(base).get('/health/live')).status).toBe(200);
  });
});
