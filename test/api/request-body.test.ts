import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { createTestApp } from '../support/test-app';
import { createHttpServer } from '../../src/http/create-http-server';
import { expectBeaconSchema } from '../support/schema-assertions';

const app = createTestApp({ config: { bodyLimitBytes: 2048 } });
const QUERY = {
  meta: { apiVersion: 'v2.0' },
  query: { filters: [{ id: 'ordo:Orphanet_558' }], pagination: { skip: 0, limit: 5 } },
};
const TEXT = JSON.stringify(QUERY);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

let server: http.Server;
beforeAll(async () => {
  // The server `npm start` runs: bodies arrive through its own request objects.
  server = createHttpServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** POSTs exactly these bytes (supertest would re-serialise a Buffer sent as JSON); `chunks` of them without a length. */
function postRaw(
  headers: Record<string, string>,
  body: Buffer,
  chunks?: number,
): Promise<{ status: number; body: Record<string, any> }> {
  const { port } = server.address() as AddressInfo;
  const sized = chunks === undefined ? { 'Content-Length': String(body.length) } : {};
  return new Promise((resolve, reject) => {
    const req = http.request(
      { port, host: '127.0.0.1', path: '/catalogs', method: 'POST', headers: { ...headers, ...sized } },
      (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (chunk: string) => (text += chunk))
          .on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    const size = Math.ceil(body.length / (chunks ?? 1));
    for (let at = 0; at < body.length; at += size) req.write(body.subarray(at, at + size));
    req.end();
  });
}

/** The answer to the query sent the plain way, to compare every other spelling of the body with. */
async function plainAnswer(): Promise<unknown> {
  const res = await request(app).post('/catalogs').set('Content-Type', 'application/json').send(TEXT);
  expect(res.status).toBe(200);
  expectBeaconSchema(res.body, 'resultsets');
  expect(res.body.meta.receivedRequestSummary.filters).toEqual(['ordo:Orphanet_558']);
  return res.body;
}

describe('request bodies', () => {
  test.each([
    ['with a charset in capitals', { 'Content-Type': 'application/json; charset=UTF-8' }, Buffer.from(TEXT)],
    ['with a UTF-8 byte order mark', { 'Content-Type': 'application/json' }, Buffer.concat([BOM, Buffer.from(TEXT)])],
    ['as application/ld+json', { 'Content-Type': 'application/ld+json' }, Buffer.from(TEXT)],
    ['with a quoted charset', { 'Content-Type': 'application/json; charset="utf-8"' }, Buffer.from(TEXT)],
    ['gzip-compressed', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, gzipSync(TEXT)],
    [
      'with Content-Encoding: identity',
      { 'Content-Type': 'application/json', 'Content-Encoding': 'identity' },
      Buffer.from(TEXT),
    ],
  ])('when the body is sent %s, then the answer equals the plain one', async (_name, headers, bytes) => {
    const res = await postRaw(headers, bytes);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(await plainAnswer());
  });

  test('when the body is sent in chunks without a length, then the answer equals the plain one', async () => {
    const res = await postRaw({ 'Content-Type': 'application/json' }, Buffer.from(TEXT), 3);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(await plainAnswer());
  });

  test('when the body is empty with a JSON type, then it is read as {} (no filters, the first page)', async () => {
    const res = await postRaw({ 'Content-Type': 'application/json' }, Buffer.alloc(0));
    expect(res.status).toBe(200);
    expectBeaconSchema(res.body, 'resultsets');
    expect(res.body.meta.receivedRequestSummary.filters).toEqual([]);
  });

  test('when the charset is not a UTF one, then 415 asks for UTF-8 JSON', async () => {
    const res = await postRaw({ 'Content-Type': 'application/json; charset=latin1' }, Buffer.from(TEXT));
    expect(res.status).toBe(415);
    expectBeaconSchema(res.body, 'error');
    expect(res.body.error.errorMessage).toMatch(/UTF-8 JSON/);
  });

  test.each([
    ['with a byte order mark', Buffer.concat([BOM, Buffer.from('{"meta": ')])],
    ['with two byte order marks', Buffer.concat([BOM, BOM, Buffer.from(TEXT)])],
    ['cut short', Buffer.from(TEXT.slice(0, -1))],
  ])('when a body %s is not JSON, then 400 says so', async (_name, bytes) => {
    const res = await postRaw({ 'Content-Type': 'application/json' }, bytes);
    expect(res.status).toBe(400);
    expectBeaconSchema(res.body, 'error');
    expect(res.body.error.errorMessage).toMatch(/not valid JSON/);
  });

  test.each([
    ['declared', undefined],
    ['sent in chunks', 4],
  ])('when a body over the limit is %s, then 413 names the limit', async (_name, chunks) => {
    const res = await postRaw(
      { 'Content-Type': 'application/json' },
      Buffer.from(`{"pad": "${'x'.repeat(3000)}"}`),
      chunks,
    );
    expect(res.status).toBe(413);
    expect(res.body.error.errorMessage).toMatch(/2048 bytes/);
  });

  test('when a client hangs up halfway through its body, then the service goes on answering', async () => {
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      const req = http.request({
        port,
        host: '127.0.0.1',
        path: '/catalogs',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(TEXT.length) },
      });
      req.on('error', () => resolve());
      req.write(TEXT.slice(0, 10), () => setTimeout(() => req.destroy(), 20));
      req.on('close', () => resolve());
    });
    const res = await postRaw({ 'Content-Type': 'application/json' }, Buffer.from(TEXT));
    expect(res.status).toBe(200);
  });
});
