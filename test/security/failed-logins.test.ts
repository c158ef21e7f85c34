import http, { type Server } from 'node:http';
import { once } from 'node:events';
import request from 'supertest';
import { expectBeaconSchema } from '../support/schema-assertions';
import { createTestApp } from '../support/test-app';
import type { Config } from '../../src/config/config';
import { AUDIENCE, ISSUER, startLocalIssuer, type LocalIssuer } from '../auth/local-issuer';
import { startHeldJwksServer } from '../auth/held-jwks-server';
import { AUTH_KEY } from '../auth/tiered-app';
import { createRateLimiter } from '../../src/security/rate-limiter';

const WRONG_KEY = 'wrong-auth-key-0123456789';

function appWith(jwksUri: string, config: Partial<Config>) {
  // Loopback is exempt by default; these tests are the client being limited.
  return createTestApp({
    config: {
      authIssuer: ISSUER,
      authJwksUri: jwksUri,
      authAudience: AUDIENCE,
      authKeys: [AUTH_KEY],
      rateLimitExempt: [],
      ...config,
    },
  });
}

async function listening(handler: http.RequestListener): Promise<Server> {
  const server = http.createServer(handler).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

describe('failed logins are throttled', () => {
  let issuer: LocalIssuer;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
  });

  afterAll(async () => {
    await issuer.close();
  });

  test('when one address sends more wrong auth-keys than the rate limit, then the rest are 429, the right key included', async () => {
    const app = appWith(issuer.jwksUri, { rateLimitPerMinute: 5 });
    for (let i = 0; i < 5; i += 1)
      expect((await request(app).post('/catalogs').set('auth-key', WRONG_KEY).send({})).status).toBe(401);
    const refused = await request(app).post('/catalogs').set('auth-key', WRONG_KEY).send({});
    expect(refused.status).toBe(429);
    expectBeaconSchema(refused.body, 'error');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(app).post('/catalogs').set('auth-key', AUTH_KEY).send({})).status).toBe(429);
  });

  test('when 60 wrong tokens from one address arrive at once, then at most the rate limit of them are checked and the rest are 429', async () => {
    const server = await listening(appWith(issuer.jwksUri, { rateLimitPerMinute: 20, maxConcurrentRequests: 64 }));
    const forged = await issuer.sign({ sub: 'mallory' }, { key: issuer.strangerKey });
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () =>
        request(server)
          .post('/catalogs')
          .set('Authorization', `Bearer ${forged}`)
          .send({})
          .then((res) => res.status),
      ),
    );
    server.close();
    expect(statuses.filter((status) => status === 401)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40);
  });

  test('when the address has spent its budget, then a token is refused before its keys are fetched', async () => {
    const held = await startHeldJwksServer();
    const app = appWith(held.jwksUri, { rateLimitPerMinute: 2 });
    for (let i = 0; i < 2; i += 1)
      expect((await request(app).post('/catalogs').set('auth-key', WRONG_KEY).send({})).status).toBe(401);
    const res = await request(app)
      .post('/catalogs')
      .set('Authorization', `Bearer ${await issuer.sign({ sub: 'alice' })}`)
      .send({});
    await held.close();
    expect(res.status).toBe(429);
    expect(held.requests()).toBe(0);
  });

  test('when tokens verify, then they are counted under their subject and leave the address its budget', async () => {
    const app = appWith(issuer.jwksUri, { rateLimitPerMinute: 3 });
    const token = await issuer.sign({ sub: 'alice' });
    for (let i = 0; i < 3; i += 1)
      expect((await request(app).post('/catalogs').set('Authorization', `Bearer ${token}`).send({})).status).toBe(200);
    expect((await request(app).post('/catalogs').set('Authorization', `Bearer ${token}`).send({})).status).toBe(429);
    for (let i = 0; i < 3; i += 1) expect((await request(app).post('/catalogs').send({})).status).toBe(200);
  });

  test('when the address is exempt, then wrong auth-keys stay 401 however many are sent', async () => {
    const app = appWith(issuer.jwksUri, {
      rateLimitPerMinute: 2,
      rateLimitExempt: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
    });
    for (let i = 0; i < 5; i += 1)
      expect((await request(app).post('/catalogs').set('auth-key', WRONG_KEY).send({})).status).toBe(401);
  });
});

describe('rate limiter refunds', () => {
  test('when a hit is refunded within its window, then the client has it back', () => {
    const limiter = createRateLimiter(1, 60_000, () => 1_000);
    const first = limiter.hit('ip:a');
    limiter.refund('ip:a', first.windowStart);
    expect(limiter.hit('ip:a').allowed).toBe(true);
    expect(limiter.hit('ip:a').allowed).toBe(false);
  });

  test('when a hit is refunded after its window ended, then the new window is not touched', () => {
    let now = 1_000;
    const limiter = createRateLimiter(1, 60_000, () => now);
    const old = limiter.hit('ip:a');
    now += 60_000;
    limiter.hit('ip:a');
    limiter.refund('ip:a', old.windowStart);
    expect(limiter.hit('ip:a').allowed).toBe(false);
  });
});
