import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createTestApp } from '../support/test-app';

const QUERY = { meta: { apiVersion: 'v2.0.0' }, query: { filters: [{ id: 'ordo:Orphanet_558' }] } };

/** The app with a logger at `info` whose JSON lines are kept in memory. */
function loggedApp() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(text) as Record<string, unknown>);
      done();
    },
  });
  const app = createTestApp({ deps: { logger: pino({ level: 'info' }, sink) } });
  return { app, lines };
}

/** The log line is written when the response closes, just after supertest has the answer. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('request log', () => {
  test('when a query is answered, then one line names its id, method, url, status and time', async () => {
    const { app, lines } = loggedApp();
    await request(app).post('/catalogs?x=1').set('X-Request-Id', 'vp-portal.7').send(QUERY);
    await settle();
    const requestLines = lines.filter((line) => line.msg === 'request completed');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      level: 30,
      reqId: 'vp-portal.7',
      method: 'POST',
      url: '/catalogs?x=1',
      status: 200,
    });
    expect(typeof requestLines[0]?.responseTime).toBe('number');
  });

  test('when a request fails, then its line carries the error status and the generated id it was answered with', async () => {
    const { app, lines } = loggedApp();
    const res = await request(app).get('/no-such-endpoint');
    await settle();
    expect(lines.find((line) => line.msg === 'request completed')).toMatchObject({
      reqId: res.headers['x-request-id'],
      method: 'GET',
      url: '/no-such-endpoint',
      status: 404,
    });
  });

  test('when the caller sends credentials, then no line carries them or any header', async () => {
    const { app, lines } = loggedApp();
    await request(app)
      .post('/catalogs')
      .set('Authorization', 'Bearer secret.token.value')
      .set('auth-key', 'key-123')
      .send(QUERY);
    await settle();
    const text = JSON.stringify(lines);
    expect(text).not.toContain('secret.token.value');
    expect(text).not.toContain('key-123');
    expect(text).not.toContain('headers');
  });
});
