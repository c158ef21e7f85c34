import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../http/app-deps';
import type { CatalogStore } from '../store/catalog-store';
import type { Metrics } from './metrics';

/** Readiness must answer well inside a probe's timeout even when the store hangs. */
const READY_TIMEOUT_MS = 2000;

async function storeReady(store: CatalogStore): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([store.isReady().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/*
 * The handlers of `/health/live`, `/health/ready` and `/metrics`. Their routes carry
 * `beforeLimits` in the route table, so probes and scrapes are never rate limited or queued.
 */

/** `/health/live`: the process answers. */
export function createLiveHandler(): RequestHandler {
  return (_req: Request, res: Response): void => {
    res.set('Cache-Control', 'no-store').json({ status: 'UP' });
  };
}

/** `/health/ready`: the store answers (200) or not (503). */
export function createReadyHandler(deps: AppDeps): RequestHandler {
  const { store } = deps;
  return async (_req: Request, res: Response): Promise<void> => {
    const ready = await storeReady(store);
    res
      .set('Cache-Control', 'no-store')
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'UP' : 'DOWN', store: store.kind });
  };
}

/** `/metrics`: Prometheus text. */
export function createMetricsHandler(_deps: AppDeps, metrics: Metrics): RequestHandler {
  return async (_req: Request, res: Response): Promise<void> => {
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
