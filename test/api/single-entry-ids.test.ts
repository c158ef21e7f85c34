import request from 'supertest';
import { createTestApp } from '../support/test-app';
import { expectBeaconSchema } from '../support/schema-assertions';
import { ROUTES, routeLabel } from '../../src/http/routes';

const app = createTestApp();
const id = 'https://catalog.beacon-catalog.example/resource/cf-biobank-verona';

/** Every form in which a client or a proxy may put the id into `/catalogs/{id}`. */
const PATHS: [string, string][] = [
  ['percent-encoded', `/catalogs/${encodeURIComponent(id)}`],
  ['raw', `/catalogs/${id}`],
  ['raw with its // collapsed by a proxy', `/catalogs/${id.replace('://', ':/')}`],
  ['partly encoded', `/catalogs/https%3A%2F%2Fcatalog.beacon-catalog.example/resource/cf-biobank-verona`],
];

describe('/catalogs/{id} by the id as clients send it', () => {
  test.each(PATHS)('when GET names the id %s, then the one resource comes back', async (_form, path) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(200);
    expectBeaconSchema(res.body, 'resultsets');
    expect(res.body.response.resultSets[0].results.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  test.each(PATHS)(
    'when POST names the id %s, then the one resource comes back in the schema asked for',
    async (_form, path) => {
      const res = await request(app)
        .post(path)
        .send({ meta: { requestedSchemas: ['ejprd-resources-v2.0.0'] } });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'resultsets');
      expect(res.body.response.resultSets[0].results.map((r: { '@id': string }) => r['@id'])).toEqual([id]);
    },
  );

  test('when a raw id names no resource, then a 404 that names the id', async () => {
    const res = await request(app).get('/catalogs/https://nowhere.example/resource/x');
    expect(res.status).toBe(404);
    expectBeaconSchema(res.body, 'error');
    expect(res.body.error.errorMessage).toContain('https://nowhere.example/resource/x');
  });

  test('when /map is read, then singleEntryUrl stays the template', async () => {
    const res = await request(app).get('/map');
    expect(res.body.response.endpointSets.catalogs.singleEntryUrl).toBe('http://localhost:3000/catalogs/{id}');
  });
});

describe('other methods on known paths', () => {
  const concrete = (path: string): string => path.replace(/[:*]\w+/, encodeURIComponent(id));
  const cases = ROUTES.flatMap((route) =>
    (['put', 'delete', 'patch'] as const).map((method): [string, string, string, string] => [
      method.toUpperCase(),
      routeLabel(route),
      method,
      concrete(route.path),
    ]),
  );

  test.each(cases)('when %s %s is sent, then a 405 Beacon error with Allow', async (_name, label, method, path) => {
    const res = await request(app)[method as 'put'](path);
    const route = ROUTES.find((r) => routeLabel(r) === label)!;
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(route.methods.join(', '));
    expect(res.body.error.errorCode).toBe(405);
  });

  test('when PUT names a raw id under /catalogs, then it is a 405 too', async () => {
    const res = await request(app).put(`/catalogs/${id}`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST');
  });
});
