import request from 'supertest';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { expectBeaconSchema } from '../support/schema-assertions';
import { FlakyStore } from './flaky-store';

const QUERY = { meta: { apiVersion: 'v2.0.0' }, query: { filters: [{ id: 'ordo:Orphanet_558' }] } };

describe('health', () => {
  test('when the process runs, then /health/live is 200 UP', async () => {
    const res = await request(createTestApp()).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'UP' });
  });

  test('when the store is ready, then /health/ready is 200 and names the store', async () => {
    const res = await request(createTestApp()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'UP', store: 'memory' });
  });

  test('when the store goes down and comes back, then ready and queries follow it without a restart', async () => {
    const store = new FlakyStore(fixtureCatalog());
    const app = createTestApp({ deps: { store } });
    store.down = true;
    const notReady = await request(app).get('/health/ready');
    const failed = await request(app).post('/catalogs').send(QUERY);
    store.down = false;
    const ready = await request(app).get('/health/ready');
    const served = await request(app).post('/catalogs').send(QUERY);
    expect(notReady.status).toBe(503);
    expect(notReady.body).toEqual({ status: 'DOWN', store: 'memory' });
    expect(failed.status).toBe(503);
    expectBeaconSchema(failed.body, 'error');
    expect(failed.body.error).toEqual({
      errorCode: 503,
      errorMessage: 'the catalog store is unavailable; try again shortly',
    });
    expect(ready.status).toBe(200);
    expect(served.status).toBe(200);
  });
});

describe('health and metrics in the route table', () => {
  test.each(['/health/live', '/health/ready', '/metrics'])(
    'when %s is sent a POST, then 405 with Allow: GET and a Beacon error',
    async (path) => {
      const res = await request(createTestApp()).post(path).send({});
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET');
      expectBeaconSchema(res.body, 'error');
      expect(res.body.error).toEqual({ errorCode: 405, errorMessage: `POST is not allowed on ${path}; use GET` });
    },
  );

  test('when /health/ready is polled, then /metrics labels it by its route', async () => {
    const app = createTestApp();
    await request(app).get('/health/ready');
    const res = await request(app).get('/metrics');
    expect(res.text).toContain('http_requests_total{method="GET",route="/health/ready",status="200"} 1');
  });
});

describe('metrics', () => {
  test('when a query has been answered, then /metrics counts it by route and status and times the store', async () => {
    const app = createTestApp();
    await request(app).post('/catalogs').send(QUERY);
    await request(app).get('/no-such-path');
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('http_requests_total{method="POST",route="/catalogs",status="200"} 1');
    expect(res.text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/catalogs",status="200"\} 1/);
    expect(res.text).toMatch(/catalog_store_operation_duration_seconds_count\{operation="find",outcome="ok"\} [12]\n/);
  });

  test('when two apps are built, then each has its own counters', async () => {
    const first = createTestApp();
    await request(first).post('/catalogs').send(QUERY);
    const res = await request(createTestApp()).get('/metrics');
    expect(res.text).not.toContain('route="/catalogs"');
  });
});

describe('request id', () => {
  test('when the caller sends a sane X-Request-Id, then the same id comes back', async () => {
    const res = await request(createTestApp()).post('/catalogs').set('X-Request-Id', 'vp-portal.42:abc').send(QUERY);
    expect(res.headers['x-request-id']).toBe('vp-portal.42:abc');
  });

  test('when the caller sends none or an unsafe one, then a UUID is generated', async () => {
    const app = createTestApp();
    const none = await request(app).get('/health/live');
    const unsafe = await request(app).get('/health/live').set('X-Request-Id', 'a b <script>;drop');
    for (const res of [none, unsafe])
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
