import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics';

/**
 * The route label is the matched route's pattern, never the raw path, so arbitrary
 * paths cannot create unbounded label values; anything unmatched is `unmatched`.
 */
function routeLabel(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? pattern : 'unmatched';
}

export function recordHttpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const labels = {
        method: req.method === 'GET' || req.method === 'POST' ? req.method : 'OTHER',
        route: routeLabel(req),
        status: String(res.statusCode),
      };
      metrics.httpRequests.inc(labels);
      stop(labels);
    });
    next();
  };
}
