import net from 'node:net';
import { once } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import request from 'supertest';
import { createHttpServer } from '../../src/http/create-http-server';
import type { Config } from '../../src/config/config';
import { createTestApp, fixtureCatalog, testConfig } from '../support/test-app';
import { syntheticCatalog } from '../support/synthetic-catalog';
import { expectBeaconSchema } from '../support/schema-assertions';
import { FlakyStore } from '../observability/flaky-store';
import { closeFully, exchange, listenLocally, requestBytes, within } from './raw-http';
import type { CatalogResource } from '../../src/model/catalog-resource';

const QUERY = JSON.stringify({ meta: { apiVersion: 'v2.0.0' }, query: { filters: [] } });

/** The service's own server over the embedded store, with these settings. */
function serve(overrides: Partial<Config>, resources?: CatalogResource[]): Server {
  const app = createTestApp({ config: overrides, ...(resources ? { resources } : {}) });
  return createHttpServer(app, testConfig(overrides));
}

/** Resolves when the server has seen `count` requests. */
function requestsSeen(server: Server, count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => server.on('request', () => void (++seen === count && resolve())));
}

describe('slow senders', () => {
  test('when clients send their bodies a byte at a time, then they hold no slot and other requests are answered', async () => {
    const server = serve({ maxConcurrentRequests: 2, maxQueuedRequests: 0, requestTimeoutMs: 30_000 });
    const port = await listenLocally(server);
    const slow: net.Socket[] = [];
    try {
      const arrived = requestsSeen(server, 4);
      for (let i = 0; i < 4; i += 1) {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.write(requestBytes({ headers: { 'Content-Length': '100' } }).slice(0, -1));
        slow.push(socket);
      }
      await arrived;
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await exchange(port, requestBytes({ body: QUERY })));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    } finally {
      slow.forEach((socket) => socket.destroy());
      await closeFully(server);
    }
  });

  test('when a body does not arrive within the request timeout, then 408 RECEIVE_TIMEOUT and the connection is closed', async () => {
    const server = serve({ requestTimeoutMs: 300 });
    const port = await listenLocally(server);
    try {
      const answer = await exchange(port, requestBytes({ headers: { 'Content-Length': '100' } }).slice(0, -1));
      expect(answer.status).toBe(408);
      expect(answer.closed).toBe(true);
      const body = JSON.parse(answer.body);
      expectBeaconSchema(body, 'error');
      expect(body.error.errorMessage).toMatch(/did not arrive within 300 ms/);
    } finally {
      await closeFully(server);
    }
  });
});

describe('clients that do not read their answers', () => {
  test('when a client never reads a large answer, then its slot is given back at once and its socket closed after the write timeout', async () => {
    const big = syntheticCatalog(3000).map((resource) => ({
      ...resource,
      description: 'A long description. '.repeat(75),
    }));
    const server = serve({ maxConcurrentRequests: 1, maxQueuedRequests: 0, maxLimit: 5000, writeTimeoutMs: 300 }, big);
    const port = await listenLocally(server);
    const handedOff = new Promise<{ buffered: number; socket: net.Socket }>((resolve) =>
      server.once('request', (req: IncomingMessage, res: ServerResponse) =>
        res.once('prefinish', () => resolve({ buffered: req.socket.writableLength, socket: req.socket })),
      ),
    );
    const reader = net.connect(port, '127.0.0.1', () =>
      reader.write(requestBytes({ method: 'GET', path: '/catalogs?limit=3000' })),
    );
    reader.pause();
    reader.on('error', () => undefined);
    try {
      const { buffered, socket } = await handedOff;
      // Arrange: the answer did not fit the socket buffers, so it is still being written.
      expect(buffered).toBeGreaterThan(0);
      const other = await exchange(port, requestBytes({ body: QUERY }));
      expect(other.status).toBe(200);
      await within(once(socket, 'close'), 5000, 'the non-reading socket closed');
      expect(socket.destroyed).toBe(true);
    } finally {
      reader.destroy();
      await closeFully(server);
    }
  });
});

describe('slots per client', () => {
  test('when one client already holds its share of slots, then its next request is 503 while another client is served', async () => {
    const store = new FlakyStore(fixtureCatalog());
    const app = createTestApp({
      deps: { store },
      config: { maxConcurrentRequests: 4, maxConcurrentPerClient: 1, trustProxy: 'loopback', rateLimitExempt: [] },
    });
    const post = (address: string) =>
      request(app)
        .post('/catalogs')
        .set('X-Forwarded-For', address)
        .set('Content-Type', 'application/json')
        .send(QUERY);
    const open = store.closeGate();
    const started = store.nextFind();
    const first = post('192.0.2.1').then((res) => res);
    await started;
    const second = await post('192.0.2.1');
    const otherClient = post('192.0.2.2').then((res) => res);
    open();
    expect(second.status).toBe(503);
    expect(second.headers['retry-after']).toBe('1');
    expectBeaconSchema(second.body, 'error');
    expect(second.body.error.errorMessage).toMatch(/this client already has 1 requests in flight/);
    expect([(await first).status, (await otherClient).status]).toEqual([200, 200]);
  });
});
