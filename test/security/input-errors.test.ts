import request from 'supertest';
import { expectBeaconSchema } from '../support/schema-assertions';
import { createTestApp } from '../support/test-app';
import { startLocalIssuer, type LocalIssuer } from '../auth/local-issuer';
import { createTieredApp, tieredCatalog } from '../auth/tiered-app';

/** Inputs the outside fuzz (issue 16, item 5) answered with 500: each must be a 4xx or a plain 200. */
const app = createTestApp();
const V2_META = { apiVersion: 'v2.0.0' };

function expectClientError(res: request.Response, status: number, message: RegExp): void {
  expect(res.status).toBe(status);
  expectBeaconSchema(res.body, 'error');
  expect(res.body.error.errorCode).toBe(status);
  expect(res.body.error.errorMessage).toMatch(message);
}

describe('no 500 from client input', () => {
  test.each([
    ['a string', (name: string) => [name]],
    ['an object', (name: string) => [{ entityType: 'catalog', schema: name }]],
  ])(
    'when requestedSchemas names %s __proto__ or constructor, then 200 in the default schema',
    async (_form, schemas) => {
      for (const name of ['__proto__', 'constructor']) {
        const res = await request(app)
          .post('/catalogs')
          .send({ meta: { ...V2_META, requestedSchemas: schemas(name) }, query: {} });
        expect(res.status).toBe(200);
        expectBeaconSchema(res.body, 'resultsets');
        expect(res.body.meta.returnedSchemas[0].schema).toBe('ejprd-resources-v1.0.0');
      }
    },
  );

  test.each(['__proto__', 'constructor'])(
    'when GET asks for requestedSchema=%s, then 200 in the default schema',
    async (name) => {
      const res = await request(app).get('/catalogs').query({ requestedSchema: name });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'resultsets');
    },
  );

  test.each(['__proto__', 'constructor'])('when format=%s is asked, then 400 lists the formats', async (format) => {
    expectClientError(
      await request(app).get('/catalogs').query({ format }),
      400,
      /format=.* is not supported; use json, jsonld, csv, tsv or ttl/,
    );
  });

  test.each(['constructor', '__proto__', 'toString'])(
    'when a filter id is %s, then it is an unsupported filter, not a known alphanumeric one',
    async (id) => {
      const res = await request(app)
        .post('/catalogs')
        .send({ meta: V2_META, query: { filters: [{ id, operator: '=', value: 'x' }] } });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'resultsets');
      expect(res.body.info.warnings.unsupportedFilters).toEqual([id]);
    },
  );

  test.each(['/catalogs/%ZZ', '/catalogs/%C0%AF', '/catalogs/%E0%80%AF', '/catalogs/%', '/docs/%ZZ'])(
    'when the path %s is not percent-encoded UTF-8, then 400',
    async (path) => {
      expectClientError(await request(app).get(path), 400, /the path is not valid percent-encoded UTF-8/);
    },
  );

  test.each(['gzip', 'deflate', 'br'])(
    'when the body claims Content-Encoding %s but is plain JSON, then 400',
    async (encoding) => {
      const res = await request(app)
        .post('/catalogs')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send('{"meta": {}}');
      expectClientError(res, 400, /does not decode as its Content-Encoding says/);
    },
  );

  describe('tokens whose sub is not a string', () => {
    let issuer: LocalIssuer;
    beforeAll(async () => {
      issuer = await startLocalIssuer();
    });
    afterAll(async () => {
      await issuer.close();
    });

    test.each([
      ['an object with a toString key', { toString: 1 }],
      ['an empty object', {}],
      ['a number', 5],
      ['an empty string', ''],
    ])('when a correctly signed token has a sub that is %s, then 401', async (_what, sub) => {
      const token = await issuer.sign({ sub } as unknown as Record<string, unknown>);
      const res = await request(createTieredApp(issuer, tieredCatalog()))
        .post('/catalogs')
        .set('Authorization', `Bearer ${token}`)
        .send({});
      expectClientError(res, 401, /sub claim is not accepted/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="beacon-catalog", error="invalid_token"/);
    });
  });
});
