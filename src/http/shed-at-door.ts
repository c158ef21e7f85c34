import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Config } from '../config/config';
import { beaconErrorText } from './beacon-error-text';
import { createEventLoopWatch } from './event-loop-watch';

/** Probes and scrapes are never shed: an orchestrator must see a busy process as alive. */
function isProbe(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith('/health/') || url.startsWith('/metrics'));
}

function refuse(res: ServerResponse, body: string, close: boolean): void {
  res.writeHead(503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Retry-After': '1',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(body);
}

/**
 * Sheds load before the app sees a request, with a 503 `OVERLOADED` and `Retry-After: 1`
 * that costs a few microseconds:
 * - a connection opened beyond `maxConnections` has its request answered so and is closed
 *   (Node's own `maxConnections` would drop it without a word);
 * - while one turn of the event loop has been busy for `maxEventLoopDelayMs`, new requests
 *   are answered so. All the work of a turn is synchronous, so the concurrency limit never
 *   sees such a backlog; without this, a fresh connection at 600 busy ones waited seconds.
 */
export function shedAtDoor(server: Server, app: RequestListener, config: Readonly<Config>): RequestListener {
  const tooMany = beaconErrorText(
    config,
    'OVERLOADED',
    `the service is busy (more than ${config.maxConnections} connections are open); retry in a second`,
  );
  const behind = beaconErrorText(
    config,
    'OVERLOADED',
    `the service is busy (requests have waited over ${config.maxEventLoopDelayMs} ms); retry in a second`,
  );
  const beyondCapacity = new WeakSet<Socket>();
  let open = 0;
  server.on('connection', (socket: Socket) => {
    open += 1;
    if (open > config.maxConnections) beyondCapacity.add(socket);
    socket.once('close', () => (open -= 1));
  });
  const watch = createEventLoopWatch();
  if (config.maxEventLoopDelayMs > 0) server.on('listening', () => watch.start());
  server.on('close', () => watch.stop());
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!isProbe(req.url)) {
      if (beyondCapacity.has(req.socket)) return refuse(res, tooMany, true);
      if (watch.busyMs() > config.maxEventLoopDelayMs) return refuse(res, behind, false);
    }
    app(req, res);
  };
}
