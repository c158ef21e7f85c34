import { Router, type Request, type Response } from 'express';
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

/**
 * `/health/live` (the process answers), `/health/ready` (the store answers: 200 or 503)
 * and `/metrics` (Prometheus text). Mounted before the traffic limits, so probes and
 * scrapes are never rate limited or queued.
 */
export function observabilityRoutes(store: CatalogStore, metrics: Metrics): Router {
  const router = Router();
  router.get('/health/live', (_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store').json({ status: 'UP' });
  });
  router.get('/health/ready', async (_req: Request, res: Response) => {
    const ready = await storeReady(store);
    res.set('Cache-Control', 'no-store').status(ready ? 200 : 503).json({ status: ready ? 'UP' : 'DOWN', store: store.kind });
  });
  router.get('/metrics', async (_req: Request, res: Response) => {
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
