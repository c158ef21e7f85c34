import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { createTestApp } from '../support/test-app';
import { longTextCatalog, naiveWildcardMatch } from '../support/long-text-catalog';
import { expectBeaconSchema } from '../support/schema-assertions';
import { MemoryStore } from '../../src/store/memory/memory-store';
import { byCodeUnits } from '../../src/model/code-units';
import type { CatalogResource } from '../../src/model/catalog-resource';

const FILTER_IDS = { title: 'dct:title', description: 'dct:description', id: 'dct:identifier' } as const;
type Field = keyof typeof FILTER_IDS;

/** The attack of issue 16 (`%e%e%e%e%zzz`), a 102-byte pattern, and patterns that do match long text. */
const PATTERNS = [
  '%e%e%e%e%zzz',
  `%${'e%'.repeat(50)}x`,
  `%${'e%'.repeat(50)}`,
  '%registry%patients%',
  '%a%i%o%u%e%',
  'https://%copy-1',
];

function body(field: Field, pattern: string, more: object[] = []) {
  return {
    meta: { apiVersion: 'v2.0.0', requestedSchemas: ['ejprd-resources-v2.0.0'] },
    query: {
      filters: [{ id: FILTER_IDS[field], operator: '=', value: pattern }, ...more],
      requestedGranularity: 'record',
      pagination: { limit: 1000 },
    },
  };
}

function expectedIds(resources: readonly CatalogResource[], field: Field, pattern: string): string[] {
  return resources
    .filter((r) => typeof r[field] === 'string' && naiveWildcardMatch(r[field] as string, pattern))
    .map((r) => r.id)
    .sort(byCodeUnits);
}

const idsOf = (payload: { response?: { resultSets?: { results?: { '@id': string }[] }[] } }): string[] =>
  (payload.response?.resultSets?.[0]?.results ?? []).map((item) => item['@id']);

describe('% text filters on long descriptions', () => {
  const resources = longTextCatalog(8);
  const app = createTestApp({ resources });

  test('when the catalog has 600+ character descriptions, then every resource carries one', () => {
    expect(resources.every((r) => (r.description ?? '').length >= 600)).toBe(true);
  });

  test.each(
    PATTERNS.flatMap((pattern) => (['description', 'id', 'title'] as const).map((field) => [field, pattern] as const)),
  )('when %s is searched with %j, then the answer equals a naive reference match', async (field, pattern) => {
    const res = await request(app).post('/catalogs').send(body(field, pattern));
    expect(res.status).toBe(200);
    expectBeaconSchema(res.body, 'resultsets');
    const expected = expectedIds(resources, field, pattern);
    expect(res.body.responseSummary.numTotalResults).toBe(expected.length);
    expect(idsOf(res.body)).toEqual(expected);
  });

  test('when a description pattern is combined with a country filter, then only that country is searched and the answer is exact', async () => {
    const pattern = '%e%e%e%e%';
    const res = await request(app)
      .post('/catalogs')
      .send(body('description', pattern, [{ id: 'dct:spatial', operator: '=', value: ['IT'] }]));
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(
      expectedIds(
        resources.filter((r) => r.country === 'IT'),
        'description',
        pattern,
      ),
    );
  });
});

describe('the text scan budget (MAX_TEXT_SCAN_CHARS)', () => {
  const resources = longTextCatalog(4);
  const pattern = '%e%e%e%e%zzz';
  const cost = (rs: readonly CatalogResource[]) =>
    rs.reduce((sum, r) => sum + (r.description ?? '').length + pattern.length, 0);
  const italian = resources.filter((r) => r.country === 'IT');
  // Room for the Italian resources' descriptions, not for every description.
  const limit = Math.floor(cost(italian) * 1.5);
  const app = createTestApp({
    resources,
    config: { maxTextScanChars: limit },
    deps: { store: new MemoryStore(resources, { textScanChars: limit }) },
  });

  test('when the limit lies between one country and the whole catalog, then the setup says so', () => {
    expect(cost(resources)).toBeGreaterThan(limit);
  });

  test('when a description search would scan more than the limit, then 400 INVALID_REQUEST says what to change', async () => {
    const res = await request(app).post('/catalogs').send(body('description', pattern));
    expect(res.status).toBe(400);
    expectBeaconSchema(res.body, 'error');
    expect(res.body.error.errorMessage).toMatch(
      /scan more than \d+ characters \(MAX_TEXT_SCAN_CHARS\); send fewer % values, longer text between the % signs, or add a theme, type or country filter/,
    );
  });

  test('when the same search is narrowed by a country filter, then it fits the limit and is answered', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send(body('description', '%e%e%e%e%', [{ id: 'dct:spatial', operator: '=', value: ['IT'] }]));
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(expectedIds(italian, 'description', '%e%e%e%e%'));
  });

  test('when the refused search is asked again, then it is refused again (kept matches are counted at their cost)', async () => {
    await request(app)
      .post('/catalogs')
      .send(body('description', pattern, [{ id: 'dct:spatial', operator: '=', value: ['IT'] }]));
    const res = await request(app).post('/catalogs').send(body('description', pattern));
    expect(res.status).toBe(400);
  });
});

describe('the liveness probe during adversarial text searches', () => {
  const resources = longTextCatalog(12);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = createTestApp({ resources, config: { maxConcurrentRequests: 64 } });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('when many attack patterns are in flight at once, then /health/live answers and every search is answered exactly', async () => {
    const searches = Array.from({ length: 40 }, (_, i) => {
      const field = (['description', 'id', 'title'] as const)[i % 3] as Field;
      const pattern = `${PATTERNS[i % PATTERNS.length] as string}${i % 2 === 0 ? '' : '%'}`;
      return {
        field,
        pattern,
        answer: fetch(`${base}/catalogs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body(field, pattern)),
        }),
      };
    });
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    for (const { field, pattern, answer } of searches) {
      const res = await answer;
      expect(res.status).toBe(200);
      expect(idsOf((await res.json()) as never)).toEqual(expectedIds(resources, field, pattern));
    }
  });
});
