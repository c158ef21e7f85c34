import request from 'supertest';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { expectBeaconSchema } from '../support/schema-assertions';
import { FlakyStore } from '../observability/flaky-store';
import { createRateLimiter } from '../../src/security/rate-limiter';
import { clientKey } from '../../src/security/client-key';

const QUERY = { meta: { apiVersion: 'v2.0.0' }, query: { filters: [] } };

describe('rate limiting', () => {
  test('when a client sends more than the limit in a minute, then 429 with Retry-After and a Beacon error', async () => {
    const app = createTestApp({ config: { rateLimitPerMinute: 3, rateLimitExempt: [] } });
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await request(app).post('/catalogs').send(QUERY));
    const last = answers[3] as request.Response;
    expect(answers.slice(0, 3).map((res) => res.status)).toEqual([200, 200, 200]);
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(last.headers['retry-after'])).toBeLessThanOrEqual(60);
    expectBeaconSchema(last.body, 'error');
    expect(last.body.error.errorMessage).toMatch(/more than 3 requests a minute/);
  });

  test('when the client is loopback (exempt by default), then it is never limited', async () => {
    const app = createTestApp({ config: { rateLimitPerMinute: 2 } });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await request(app).post('/catalogs').send(QUERY)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });

  test('when health and metrics are polled beyond the limit, then they still answer', async () => {
    const app = createTestApp({ config: { rateLimitPerMinute: 1, rateLimitExempt: [] } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await request(app).get('/health/ready')).status);
    expect(statuses).toEqual([200, 200, 200]);
  });

  test('when a new minute starts, then the counter starts again', () => {
    let now = 60_000;
    const limiter = createRateLimiter(1, 60_000, () => now);
    const first = limiter.hit('ip:192.0.2.1');
    const second = limiter.hit('ip:192.0.2.1');
    now += 60_000;
    const third = limiter.hit('ip:192.0.2.1');
    expect([first.allowed, second.allowed, third.allowed]).toEqual([true, false, true]);
    expect(second.retryAfterSeconds).toBe(60);
  });

  test.each([
    ['192.0.2.7', 'ip:192.0.2.7'],
    ['::ffff:192.0.2.7', 'ip:192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', 'ip6:2001:db8:1:2::/64'],
    ['2001:db8:1:2::ffff', 'ip6:2001:db8:1:2::/64'],
    ['2001:db8::1', 'ip6:2001:db8:0:0::/64'],
  ])('when the address is %s, then the client key is %s', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});

describe('concurrency bound', () => {
  test('when the one slot is busy and no queue is allowed, then the next request is 503 at once with Retry-After', async () => {
    const store = new FlakyStore(fixtureCatalog());
    const app = createTestApp({ deps: { store }, config: { maxConcurrentRequests: 1, maxQueuedRequests: 0 } });
    const open = store.closeGate();
    const started = store.nextFind();
    const first = request(app)
      .post('/catalogs')
      .send(QUERY)
      .then((res) => res);
    await started;
    const second = await request(app).post('/catalogs').send(QUERY);
    open();
    expect(second.status).toBe(503);
    expect(second.headers['retry-after']).toBe('1');
    expectBeaconSchema(second.body, 'error');
    expect(second.body.error.errorMessage).toMatch(/the service is busy/);
    expect((await first).status).toBe(200);
  });

  test('when the slot is busy and the queue has room, then the next request waits and is answered', async () => {
    const store = new FlakyStore(fixtureCatalog());
    const app = createTestApp({
      deps: { store },
      config: { maxConcurrentRequests: 1, maxQueuedRequests: 1, queueTimeoutMs: 20_000 },
    });
    const open = store.closeGate();
    const started = store.nextFind();
    const first = request(app)
      .post('/catalogs')
      .send(QUERY)
      .then((res) => res);
    await started;
    const second = request(app)
      .post('/catalogs')
      .send(QUERY)
      .then((res) => res);
    const secondStarted = store.nextFind();
    open();
    await secondStarted;
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
  });
});

describe('request timeout', () => {
  test('when the store does not answer within the timeout, then 503 TIMEOUT, and its late answer is dropped', async () => {
    const store = new FlakyStore(fixtureCatalog());
    const app = createTestApp({ deps: { store }, config: { requestTimeoutMs: 100 } });
    const open = store.closeGate();
    const res = await request(app).post('/catalogs').send(QUERY);
    open();
    const after = await request(app).post('/catalogs').send(QUERY);
    expect(res.status).toBe(503);
    expectBeaconSchema(res.body, 'error');
    expect(res.body.error.errorMessage).toMatch(/longer than 100 ms/);
    expect(after.status).toBe(200);
  });
});

describe('security headers', () => {
  test('when any answer is sent, then helmet headers are on it and Express is not advertised', async () => {
    const res = await request(createTestApp()).post('/catalogs').send(QUERY);
    expect(res.headers).toMatchObject({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'cross-origin-resource-policy': 'cross-origin',
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
