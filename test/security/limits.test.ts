import request from 'supertest';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { expectBeaconSchema } from '../support/schema-assertions';
import { ALLOWED_QUERY_KEYS, RecordingStore, queryKeys } from './recording-store';

const app = createTestApp();

function nested(depth: number): object {
  let value: unknown = 'x';
  for (let level = 1; level < depth; level += 1) value = [value];
  return { meta: { apiVersion: 'v2.0.0' }, query: { filters: [], requestParameters: { deep: value } } };
}

async function expectError(res: request.Response, status: number, message: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  expectBeaconSchema(res.body, 'error');
  expect(res.body.error).toEqual({ errorCode: status, errorMessage: expect.stringMatching(message) });
}

describe('request limits', () => {
  test('when the body nests 33 levels, then 400 names the depth limit', async () => {
    await expectError(await request(app).post('/catalogs').send(nested(31)), 400, /deeper than 32 levels/);
  });

  test('when the body nests exactly 32 levels, then it is answered', async () => {
    const res = await request(app).post('/catalogs').send(nested(30));
    expect(res.status).toBe(200);
  });

  test('when the body nests 100,000 levels, then 400 and the process is fine', async () => {
    const body = `{"query":{"requestParameters":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const res = await request(app).post('/catalogs').set('Content-Type', 'application/json').send(body);
    await expectError(res, 400, /deeper than 32 levels/);
  });

  test('when the depth limit is configured to 4, then a 5-level body is refused', async () => {
    const small = createTestApp({ config: { maxJsonDepth: 4 } });
    await expectError(
      await request(small)
        .post('/catalogs')
        .send({ query: { filters: [{ id: ['a'] }] } }),
      400,
      /deeper than 4 levels/,
    );
  });

  test('when the body is over 1 MB, then 413', async () => {
    const body = JSON.stringify({ query: { requestParameters: { pad: 'x'.repeat(1_100_000) } } });
    await expectError(
      await request(app).post('/catalogs').set('Content-Type', 'application/json').send(body),
      413,
      /larger than 1048576 bytes/,
    );
  });

  test('when 65 filters are sent, then 400 names the limit of 64', async () => {
    const filters = Array.from({ length: 65 }, () => ({ id: 'ordo:Orphanet_558' }));
    await expectError(await request(app).post('/catalogs').send({ query: { filters } }), 400, /more than 64 filters/);
  });

  test('when MAX_FILTERS is 2, then 3 filters are refused', async () => {
    const small = createTestApp({ config: { maxFilters: 2 } });
    const filters = Array.from({ length: 3 }, () => ({ id: 'ordo:Orphanet_558' }));
    await expectError(await request(small).post('/catalogs').send({ query: { filters } }), 400, /more than 2 filters/);
  });

  test('when a filter has 101 ids, then 400 names the limit of 100', async () => {
    const id = Array.from({ length: 101 }, (_, i) => `ordo:Orphanet_${i}`);
    await expectError(
      await request(app)
        .post('/catalogs')
        .send({ query: { filters: [{ id }] } }),
      400,
      /more than 100 ids or values/,
    );
  });

  test('when a filter value is 1,001 characters, then 400 names the limit of 1000', async () => {
    const filter = { id: 'name', operator: '=', value: `%${'a'.repeat(1000)}` };
    await expectError(
      await request(app)
        .post('/catalogs')
        .send({ query: { filters: [filter] } }),
      400,
      /longer than 1000 characters/,
    );
  });

  test.each([-1, 1_000_000_001, 1.5, '3'])('when skip is %p, then 400 names query.pagination.skip', async (skip) => {
    await expectError(
      await request(app)
        .post('/catalogs')
        .send({ query: { pagination: { skip } } }),
      400,
      /pagination\.skip/,
    );
  });

  test('when limit is above the maximum, then it is clamped to the maximum', async () => {
    const res = await request(createTestApp({ config: { maxLimit: 5 } }))
      .post('/catalogs')
      .send({ query: { pagination: { limit: 10_000 } } });
    expect(res.status).toBe(200);
    expect(res.body.response.resultSets[0].results).toHaveLength(5);
    expect(res.body.meta.receivedRequestSummary.pagination).toEqual({ skip: 0, limit: 5 });
  });
});

describe('nothing from the request reaches a query document as a key or operator', () => {
  test('when __proto__ and constructor keys are posted, then no prototype is polluted and the query is ordinary', async () => {
    const store = new RecordingStore(fixtureCatalog());
    const body =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"query":{"filters":[{"id":"ordo:Orphanet_558","__proto__":{"$where":"1"}}]}}';
    const res = await request(createTestApp({ deps: { store } }))
      .post('/catalogs')
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([...queryKeys(store.queries)].filter((key) => !ALLOWED_QUERY_KEYS.has(key))).toEqual([]);
  });

  test.each(['$where', '$gt', 'a.b', '$regex', '{"$ne": null}'])(
    'when a filter id or value is %p, then it is only ever a value',
    async (text) => {
      const store = new RecordingStore(fixtureCatalog());
      const filters = [
        { id: text },
        { id: 'name', operator: '=', value: `%${text}%` },
        { id: ['ordo:Orphanet_558', text] },
      ];
      const res = await request(createTestApp({ deps: { store } }))
        .post('/catalogs')
        .send({ meta: { apiVersion: 'v2.0.0' }, query: { filters } });
      expect(res.status).toBe(200);
      expect([...queryKeys(store.queries)].filter((key) => !ALLOWED_QUERY_KEYS.has(key))).toEqual([]);
    },
  );
});
