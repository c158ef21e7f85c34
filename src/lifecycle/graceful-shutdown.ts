import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { CatalogStore } from '../store/catalog-store';

export interface ShutdownDeps {
  server: Server;
  store: Pick<CatalogStore, 'close'>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How long in-flight requests may take to finish before their connections are cut. */
  graceMs: number;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Call it right after `listen`: it tracks in-flight responses from then on.
 * On shutdown it stops accepting connections, lets in-flight requests finish (answers sent while draining
 * say `Connection: close` so keep-alive clients reconnect elsewhere), cuts what is still
 * open after `graceMs`, then closes the store. Resolves when all of that is done; calling
 * it twice returns the same promise.
 */
export function createGracefulShutdown(deps: ShutdownDeps): (reason: string) => Promise<void> {
  let done: Promise<void> | undefined;
  const inFlight = new Set<ServerResponse>();
  const closeWhenDraining = (res: ServerResponse): void => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  deps.server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (done) closeWhenDraining(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  const drain = async (reason: string): Promise<void> => {
    const { server, store, logger, graceMs } = deps;
    logger.info(
      { reason, graceMs, inFlight: inFlight.size },
      'shutting down: no new connections; finishing in-flight requests',
    );
    inFlight.forEach(closeWhenDraining);
    const closed = closeServer(server);
    const timer = setTimeout(() => {
      logger.warn({ graceMs }, 'grace period over: closing the connections still open');
      server.closeAllConnections();
    }, graceMs);
    await closed;
    clearTimeout(timer);
    try {
      await store.close();
    } catch (error) {
      logger.error({ err: error }, 'the store did not close cleanly');
    }
    logger.info('shut down');
  };
  return (reason) => (done ??= drain(reason));
}

/** SIGTERM and SIGINT run `shutdown` once, then `exit(0)`. */
export function onTerminationSignals(
  shutdown: (reason: string) => Promise<void>,
  exit: (code: number) => void,
  target: NodeJS.EventEmitter = process,
): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    target.once(
      signal,
      () =>
        void shutdown(signal).then(
          () => exit(0),
          () => exit(1),
        ),
    );
  }
}
