import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { HELMET_OPTIONS } from '../../src/security/security-headers';
import { createTestApp } from '../support/test-app';

const VARYING = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'content-type',
  'etag',
  'x-request-id',
  'cache-control',
  'access-control-allow-origin',
  'access-control-expose-headers',
]);

describe('security and CORS headers set from a recording', () => {
  test('when any request is answered, then it carries exactly the headers helmet itself sets', async () => {
    const plain = express()
      .use(helmet(HELMET_OPTIONS))
      .get('/health/live', (_req, res) => void res.json({ status: 'UP' }));
    const expected = (await request(plain).get('/health/live')).headers;
    const actual = (await request(createTestApp()).post('/catalogs').send({})).headers;
    const helmetOnly = (headers: Record<string, string>) =>
      Object.fromEntries(Object.entries(headers).filter(([name]) => !VARYING.has(name)));
    expect(helmetOnly(actual)).toEqual(helmetOnly(expected));
    expect(Object.keys(helmetOnly(expected)).length).toBeGreaterThan(8);
  });

  test('when any origin is allowed, then a query answer allows it and exposes the documented headers', async () => {
    const res = await request(createTestApp()).post('/catalogs').set('Origin', 'https://portal.example').send({});
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toBe('ETag,X-Request-Id,X-Total-Count,Content-Disposition');
  });

  test('when a preflight comes, then cors answers it with 204 and the allowed methods', async () => {
    const res = await request(createTestApp())
      .options('/catalogs')
      .set('Origin', 'https://portal.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-methods']).toBe('GET,HEAD,POST,OPTIONS');
  });
});
