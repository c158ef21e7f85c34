import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import pino from 'pino';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { FlakyStore } from '../observability/flaky-store';
import { createGracefulShutdown, onTerminationSignals } from '../../src/lifecycle/graceful-shutdown';

interface Answer {
  status?: number;
  connection?: string;
  error?: string;
}

const BODY = JSON.stringify({ meta: { apiVersion: 'v2.0.0' }, query: { filters: [] } });

function post(port: number, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        port,
        host: '127.0.0.1',
        path: '/catalogs',
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(BODY);
  });
}

/** Resolves once the server has read the heads of `count` requests: they are in flight. */
function requestsReceived(server: Server, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    server.on('request', () => {
      seen += 1;
      if (seen === count) resolve();
    });
  });
}

async function listen(store: FlakyStore): Promise<{ server: Server; port: number }> {
  const app = createTestApp({ deps: { store }, config: { requestTimeoutMs: 60_000 } });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { server, port: (server.address() as AddressInfo).port };
}

describe('graceful shutdown', () => {
  test('when SIGTERM comes with requests in flight, then each gets its answer, new connections are refused and the store closes', async () => {
    const store = new FlakyStore(fixtureCatalog());
    const closeStore = jest.spyOn(store, 'close');
    const { server, port } = await listen(store);
    const shutdown = createGracefulShutdown({ server, store, logger: pino({ level: 'silent' }), graceMs: 30_000 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
    const open = store.closeGate();
    const received = requestsReceived(server, 5);
    const inFlight = Array.from({ length: 5 }, () => post(port, agent));
    await received;

    const stopping = shutdown('SIGTERM');
    const refused = await post(port, new http.Agent());
    open();
    const answers = await Promise.all(inFlight);
    await stopping;

    expect(answers).toEqual(Array.from({ length: 5 }, () => ({ status: 200, connection: 'close' })));
    expect(refused).toEqual({ error: 'ECONNREFUSED' });
    expect(closeStore).toHaveBeenCalledTimes(1);
    agent.destroy();
  });

  test('when a request outlives the grace period, then its connection is cut and shutdown still completes', async () => {
    const store = new FlakyStore(fixtureCatalog());
    const { server, port } = await listen(store);
    const shutdown = createGracefulShutdown({ server, store, logger: pino({ level: 'silent' }), graceMs: 50 });
    const open = store.closeGate();
    const started = store.nextFind();
    const stuck = post(port, new http.Agent());
    await started;

    await shutdown('SIGTERM');
    open();

    expect(await stuck).toEqual({ error: 'ECONNRESET' });
  });

  test('when SIGTERM arrives twice, then shutdown runs once and the process exits 0', async () => {
    const signals = new EventEmitter();
    const shutdown = jest.fn(async () => undefined);
    const exits: number[] = [];
    onTerminationSignals(shutdown, (code) => exits.push(code), signals);

    signals.emit('SIGTERM');
    signals.emit('SIGTERM');
    await new Promise((resolve) => setImmediate(resolve));

    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(shutdown).toHaveBeenCalledWith('SIGTERM');
    expect(exits).toEqual([0]);
  });
});
