import request from 'supertest';
import { expectBeaconSchema } from '../support/schema-assertions';
import { createTestApp } from '../support/test-app';
import type { Config } from '../../src/config/config';
import { AUDIENCE, ISSUER, startLocalIssuer, type LocalIssuer } from './local-issuer';
import { startHeldJwksServer, type HeldJwksServer } from './held-jwks-server';
import { tieredCatalog } from './tiered-app';

const catalog = tieredCatalog();
const [granted] = catalog.controlled;

function appWithKeysAt(jwksUri: string, config: Partial<Config> = {}) {
  return createTestApp({
    resources: catalog.resources,
    config: { authIssuer: ISSUER, authJwksUri: jwksUri, authAudience: AUDIENCE, ...config },
  });
}

describe('slow key servers', () => {
  let issuer: LocalIssuer;
  let slow: HeldJwksServer;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
  });

  beforeEach(async () => {
    slow = await startHeldJwksServer();
  });

  afterEach(async () => {
    await slow.close();
  });

  afterAll(async () => {
    await issuer.close();
  });

  test('when the issuer JWKS never answers, then a token caller gets 503 KEYS_UNAVAILABLE, not the request timeout', async () => {
    const app = appWithKeysAt(slow.jwksUri, { keyFetchTimeoutMs: 100, requestTimeoutMs: 4000 });
    const res = await request(app)
      .post('/catalogs')
      .set('Authorization', `Bearer ${await issuer.sign({ sub: 'alice' })}`)
      .send({});
    expect(res.status).toBe(503);
    expectBeaconSchema(res.body, 'error');
    expect(res.body.error.errorMessage).toMatch(/issuer's keys could not be fetched in time/);
    expect(res.headers['retry-after']).toBe('5');
    expect(slow.requests()).toBe(1);
  });

  test('when token callers wait on a slow issuer JWKS, then they hold no slot and anonymous callers are answered', async () => {
    // Deadlines far beyond the test's own pace: the keys are released, never timed out.
    const app = appWithKeysAt(slow.jwksUri, {
      maxConcurrentRequests: 1,
      maxQueuedRequests: 0,
      requestTimeoutMs: 20_000,
      keyFetchTimeoutMs: 9000,
    });
    const token = await issuer.sign({ sub: 'alice' });
    const arrived = slow.nextRequest();
    const waiting = [1, 2, 3].map(() =>
      request(app)
        .post('/catalogs')
        .set('Authorization', `Bearer ${token}`)
        .send({})
        .then((res) => res.status),
    );
    await arrived;
    for (let i = 0; i < 5; i += 1) expect((await request(app).post('/catalogs').send({})).status).toBe(200);
    await slow.release(issuer.jwksUri);
    expect(await Promise.all(waiting)).toEqual([200, 200, 200]);
  });

  test('when a visa names an allowed jku whose JWKS never answers, then the token is accepted and the visa grants nothing', async () => {
    const app = createTestApp({
      resources: catalog.resources,
      config: {
        authIssuer: ISSUER,
        authJwksUri: issuer.jwksUri,
        authAudience: AUDIENCE,
        visaJwksUris: [slow.jwksUri],
        keyFetchTimeoutMs: 100,
      },
    });
    const visa = await issuer.sign(
      {
        sub: 'alice',
        ga4gh_visa_v1: {
          type: 'ControlledAccessGrants',
          value: granted,
          source: 'https://dac.test',
          by: 'dac',
          asserted: 1_700_000_000,
        },
      },
      { jku: slow.jwksUri },
    );
    const token = await issuer.sign({ sub: 'alice', ga4gh_passport_v1: [visa] });
    const res = await request(app)
      .get(`/catalogs/${encodeURIComponent(granted ?? '')}`)
      .set('Authorization', `Bearer ${token}`);
    // Withheld from a caller whose visa grants nothing: by id, the same 404 as an unknown id.
    expect(res.status).toBe(404);
    expectBeaconSchema(res.body, 'error');
    expect(slow.requests()).toBe(1);
  });
});
