import request from 'supertest';
import { createHttpServer } from '../../src/http/create-http-server';
import type { Config } from '../../src/config/config';
import { createTestApp, testConfig } from '../support/test-app';
import { expectBeaconSchema } from '../support/schema-assertions';
import { AUTH_KEY, tieredCatalog } from '../auth/tiered-app';
import { closeFully, exchange, listenLocally, requestBytes, type RawAnswer } from './raw-http';

/** Sends `bytes` to the service's own server with these settings and returns the answer. */
async function answerTo(bytes: string, overrides: Partial<Config> = {}): Promise<RawAnswer> {
  const server = createHttpServer(createTestApp({ config: overrides }), testConfig(overrides));
  const port = await listenLocally(server);
  try {
    return await exchange(port, bytes);
  } finally {
    await closeFully(server);
  }
}

function expectBeaconError(answer: RawAnswer, status: number, message: RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(answer.closed).toBe(true);
  const body = JSON.parse(answer.body);
  expectBeaconSchema(body, 'error');
  expect(body.error.errorCode).toBe(status);
  expect(body.error.errorMessage).toMatch(message);
}

describe('answers Node makes itself', () => {
  test('when the headers are over 16 KB, then 431 with a Beacon error body', async () => {
    const answer = await answerTo(
      requestBytes({ method: 'GET', path: '/catalogs', headers: { 'X-Padding': 'a'.repeat(20_000) } }),
    );
    expectBeaconError(answer, 431, /larger than 16 KB/);
  });

  test('when the request line is not HTTP, then 400 with a Beacon error body', async () => {
    const answer = await answerTo('GET /catalogs NOT-HTTP\r\n\r\n');
    expectBeaconError(answer, 400, /not well-formed HTTP/);
  });

  test('when the headers never finish, then 408 RECEIVE_TIMEOUT with a Beacon error body once HEADERS_TIMEOUT_MS has passed', async () => {
    const answer = await answerTo('GET /catalogs HTTP/1.1\r\nHost: localhost\r\n', { headersTimeoutMs: 200 });
    expectBeaconError(answer, 408, /did not arrive within 200 ms/);
  });
});

describe('answers that depend on the caller', () => {
  const tiered = tieredCatalog();
  const app = createTestApp({ resources: tiered.resources, config: { authKeys: [AUTH_KEY] } });
  const publicApp = createTestApp();

  function expectPrivate(res: request.Response): void {
    expect(res.headers['cache-control']).toMatch(/^private\b/);
    expect(res.headers.vary).toMatch(/Authorization/);
    expect(res.headers.vary).toMatch(/auth-key/);
    if (res.headers.etag !== undefined) expect(res.headers.etag).not.toMatch(/^W\//);
  }

  test('when a request carries an auth-key, then /catalogs, /info and a 401 are private to it, with Vary on the credential headers', async () => {
    const catalogs = await request(app).get('/catalogs?limit=3').set('auth-key', AUTH_KEY);
    const info = await request(app).get('/info').set('auth-key', AUTH_KEY);
    const refused = await request(app).get('/catalogs').set('auth-key', 'not-the-key-0123456789');
    expect([catalogs.status, info.status, refused.status]).toEqual([200, 200, 401]);
    [catalogs, info, refused].forEach(expectPrivate);
    expect(catalogs.headers.etag).toBeDefined();
    expect(info.headers['cache-control']).toBe('private, max-age=300');
  });

  test('when a request carries a Bearer token, then its answer is private even where tokens are not checked', async () => {
    const res = await request(publicApp).get('/catalogs?limit=3').set('Authorization', 'Bearer a.b.c');
    expect(res.status).toBe(200);
    expectPrivate(res);
  });

  test('when an anonymous answer withholds tiered resources, then it is private and varies on the credential headers', async () => {
    const list = await request(app).get('/catalogs?limit=100');
    expect(list.status).toBe(200);
    expectPrivate(list);
  });

  test('when an anonymous caller names a withheld id, then the 404 carries exactly the headers of an unknown id, varying on the credentials', async () => {
    const withheld = await request(app).get(`/catalogs/${encodeURIComponent(tiered.registered)}`);
    const unknown = await request(app).get(`/catalogs/${encodeURIComponent('https://nowhere.example/resource/x')}`);
    expect([withheld.status, unknown.status]).toEqual([404, 404]);
    for (const header of ['cache-control', 'vary']) expect(withheld.headers[header]).toEqual(unknown.headers[header]);
    expect(withheld.headers.vary).toMatch(/Authorization/);
    expect(withheld.headers.vary).toMatch(/auth-key/);
  });

  test('when an anonymous answer withholds nothing, then it stays cacheable: no private, no Vary on credentials, a strong ETag', async () => {
    const list = await request(publicApp).get('/catalogs?limit=3');
    const single = await request(app).get(`/catalogs/${encodeURIComponent(tiered.open)}`);
    const info = await request(app).get('/info');
    for (const res of [list, single, info]) {
      expect(res.status).toBe(200);
      expect(res.headers['cache-control'] ?? '').not.toMatch(/private/);
      expect(res.headers.etag).toMatch(/^"/);
    }
    // What an id shows depends on who asks, so single entries always vary on the credentials.
    for (const res of [list, info]) expect(res.headers.vary ?? '').not.toMatch(/Authorization|auth-key/);
    expect(single.headers.vary).toMatch(/Authorization/);
    expect(info.headers['cache-control']).toBe('public, max-age=300');
  });
});
