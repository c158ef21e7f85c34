import express, { type Express } from 'express';
import type { AppDeps } from './http/app-deps';
import { ROUTES } from './http/routes';
import { parseJsonBody, requireJsonBody } from './http/json-body';
import { unmatchedHandler } from './http/unmatched';
import { createErrorHandler } from './http/error-handler';
import { createCors } from './http/cors';
import { securityHeaders } from './security/security-headers';
import { trustProxySetting } from './security/trust-proxy';
import { trafficLimits } from './security/traffic-limits';
import { createJsonDepthLimit } from './security/json-depth-limit';
import { createMetrics } from './observability/metrics';
import { instrumentStore } from './observability/instrument-store';
import { recordHttpMetrics } from './observability/record-http-metrics';
import { mountRoutes } from './http/mount-routes';
import { inSequence } from './http/in-sequence';
import { createRequestLogger } from './logging/request-logger';

/** Builds the Express app from its dependencies; never listens and keeps no module state. */
export function createApp(input: AppDeps): Express {
  const metrics = createMetrics();
  const deps: AppDeps = { ...input, store: instrumentStore(input.store, metrics) };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', trustProxySetting(deps.config.trustProxy));
  app.use(
    inSequence([
      securityHeaders(),
      createRequestLogger(deps.logger),
      createCors(deps.config.corsOrigins),
      recordHttpMetrics(metrics),
    ]),
  );
  mountRoutes(
    app,
    ROUTES.filter((route) => route.beforeLimits),
    deps,
    metrics,
  );
  app.use(
    inSequence([
      ...trafficLimits(deps),
      requireJsonBody,
      parseJsonBody(deps.config.bodyLimitBytes),
      createJsonDepthLimit(deps.config.maxJsonDepth, deps.logger),
    ]),
  );
  mountRoutes(
    app,
    ROUTES.filter((route) => !route.beforeLimits),
    deps,
    metrics,
  );
  app.use(unmatchedHandler);
  app.use(createErrorHandler(deps));
  return app;
}
