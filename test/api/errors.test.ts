import request from 'supertest';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { FlakyStore } from '../observability/flaky-store';
import { expectBeaconSchema } from '../support/schema-assertions';

const app = createTestApp({ config: { bodyLimitBytes: 2048 } });

async function expectError(res: request.Response, status: number, message: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  expectBeaconSchema(res.body, 'error');
  expect(res.body.error.errorCode).toBe(status);
  expect(res.body.error.errorMessage).toMatch(message);
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
}

describe('Beacon error responses', () => {
  test('when the body is not JSON, then 400 says to send JSON', async () => {
    const res = await request(app).post('/catalogs').set('Content-Type', 'application/json').send('{"meta": ');
    await expectError(res, 400, /not valid JSON/);
  });

  test('when the body is a JSON array, then 400 asks for an object', async () => {
    await expectError(await request(app).post('/catalogs').send([1, 2]), 400, /must be a JSON object/);
  });

  test('when the content type is a form, then 415 asks for application/json', async () => {
    const res = await request(app)
      .post('/catalogs')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('meta=1');
    await expectError(res, 415, /Content-Type: application\/json/);
  });

  test('when the body is over the size limit, then 413 names the limit', async () => {
    const filters = Array.from({ length: 200 }, (_, i) => ({ id: `ordo:Orphanet_${i}` }));
    await expectError(await request(app).post('/catalogs').send({ meta: {}, query: { filters } }), 413, /2048 bytes/);
  });

  test('when the path is unknown, then 404 points at the informational endpoints', async () => {
    await expectError(await request(app).get('/individuals'), 404, /no endpoint at \/individuals/);
  });

  test('when the method is not allowed, then 405 lists the allowed ones', async () => {
    const res = await request(app).delete('/catalogs');
    await expectError(res, 405, /use GET or POST/);
    expect(res.headers.allow).toBe('GET, POST');
  });

  test.each([
    ['a negative skip', { pagination: { skip: -1 } }, /body\.query\.pagination\.skip must be >= 0/],
    ['a fractional limit', { pagination: { limit: 2.5 } }, /body\.query\.pagination\.limit must be integer/],
    ['a text limit', { pagination: { limit: 'ten' } }, /body\.query\.pagination\.limit must be integer/],
    [
      'an unknown granularity',
      { requestedGranularity: 'everything' },
      /requestedGranularity must be equal to one of the allowed values: boolean, count, record/,
    ],
    [
      'an unknown includeResultsetResponses',
      { includeResultsetResponses: 'SOME' },
      /includeResultsetResponses must be equal to one of the allowed values/,
    ],
    ['filters as a string', { filters: 'Orphanet_558' }, /body\.query\.filters must be array or object/],
    [
      'a filter that is not an object',
      { filters: ['Orphanet_558'] },
      /query\.filters\[0\] must be an object with an "id"/,
    ],
    [
      'a filter id that is a number',
      { filters: [{ id: 558 }] },
      /query\.filters\[0\]\.id must be a string or an array of strings/,
    ],
    ['a filter without id', { filters: [{ operator: '=', value: 'IT' }] }, /query\.filters\[0\]\.id must be/],
    [
      'an alphanumeric filter without value',
      { filters: [{ id: 'country' }] },
      /query\.filters\[0\] \("country"\) needs "operator" and "value"/,
    ],
    [
      'a value that is an object',
      { filters: [{ id: 'country', operator: '=', value: { code: 'IT' } }] },
      /query\.filters\[0\]\.value must be a string or an array of strings/,
    ],
    [
      'includeDescendantTerms as text',
      { filters: [{ id: 'ordo:Orphanet_558', includeDescendantTerms: 'yes' }] },
      /includeDescendantTerms must be true or false/,
    ],
    [
      'an unknown similarity',
      { filters: [{ id: 'ordo:Orphanet_558', similarity: 'close' }] },
      /similarity must be one of exact, high, medium, low/,
    ],
    ['a testMode that is not boolean', { testMode: 'yes' }, /testMode must be boolean/],
  ])('when the query has %s, then 400 names the field', async (_name, query, message) => {
    await expectError(
      await request(app)
        .post('/catalogs')
        .send({ meta: { apiVersion: 'v2.0.0' }, query }),
      400,
      message,
    );
  });

  test('when meta.requestedSchemas is a number, then 400 names it', async () => {
    await expectError(
      await request(app)
        .post('/catalogs')
        .send({ meta: { requestedSchemas: 5 } }),
      400,
      /body\.meta\.requestedSchemas/,
    );
  });

  test('when GET has a negative skip, then 400 names it', async () => {
    await expectError(await request(app).get('/catalogs?skip=-2'), 400, /pagination\.skip must be >= 0/);
  });

  test('when a request fails after its body was read, then the error meta echoes what was understood', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v0.2' }, query: { filters: [{ id: 'country' }] } });
    expect(res.status).toBe(400);
    expect(res.body.meta.receivedRequestSummary.apiVersion).toBe('v0.2');
  });

  test('when the store fails after the filters were read, then the error meta echoes the filters', async () => {
    const store = new FlakyStore(fixtureCatalog());
    store.down = true;
    const res = await request(createTestApp({ deps: { store } }))
      .post('/catalogs')
      .send({ query: { filters: [{ id: 'Orphanet_558' }] } });
    expect(res.status).toBe(503);
    expectBeaconSchema(res.body, 'error');
    expect(res.body.meta.receivedRequestSummary.filters).toEqual(['Orphanet_558']);
  });

  test('when a filter asks for a $ operator, then it is only ever a value and no operator reaches the store', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({
        meta: {},
        query: { filters: [{ id: 'dct:title', operator: '=', value: '{"$where": "1"}' }, { id: '$where' }] },
      });
    expect(res.status).toBe(200);
    expect(res.body.responseSummary.numTotalResults).toBe(0);
    expect(res.body.info.warnings.unsupportedFilters).toEqual(['$where']);
  });
});
