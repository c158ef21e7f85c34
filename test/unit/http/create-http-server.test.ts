import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { createHttpServer } from '../../../src/http/create-http-server';
import { createTestApp } from '../../support/test-app';
import { expectBeaconSchema } from '../../support/schema-assertions';

async function listening(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const closed = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

describe('createHttpServer', () => {
  test("when a request arrives, then it and its response already have the app's prototypes before Express sees them", async () => {
    const app = express();
    app.get('/probe', (req, res) => void res.json({ method: req.method, path: req.path, query: req.query }));
    const server = createHttpServer(app);
    // Runs before the app, which would give the objects these prototypes itself.
    const seen: unknown[] = [];
    server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      seen.push({
        request: Object.getPrototypeOf(req) === app.request,
        response: Object.getPrototypeOf(res) === app.response,
        nodeTypes: req instanceof http.IncomingMessage && res instanceof http.ServerResponse,
        responseFor: res.req === req,
      });
    });
    const base = await listening(server);
    try {
      const res = await fetch(`${base}/probe?x=1`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ method: 'GET', path: '/probe', query: { x: '1' } });
      expect(seen).toEqual([{ request: true, response: true, nodeTypes: true, responseFor: true }]);
    } finally {
      await closed(server);
    }
  });

  test('when the service app is served by it, then POST /catalogs answers exactly as on a plain Node server', async () => {
    const app = createTestApp();
    const body = {
      meta: { apiVersion: 'v2.0' },
      query: { filters: [{ id: 'ordo:Orphanet_558' }], pagination: { skip: 0, limit: 5 } },
    };
    const expected = await request(app).post('/catalogs').send(body);
    expect(expected.status).toBe(200);
    const server = createHttpServer(app);
    const base = await listening(server);
    try {
      const res = await fetch(`${base}/catalogs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const answer: unknown = await res.json();
      expectBeaconSchema(answer, 'resultsets');
      expect(answer).toEqual(expected.body);
    } finally {
      await closed(server);
    }
  });
});
