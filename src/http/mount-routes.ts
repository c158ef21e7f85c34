import type { Express } from 'express';
import type { AppDeps } from './app-deps';
import type { Metrics } from '../observability/metrics';
import type { Route } from './routes';

/** Registers each route's handler for each of its methods, in table order. */
export function mountRoutes(app: Express, routes: readonly Route[], deps: AppDeps, metrics: Metrics): void {
  for (const route of routes) {
    const handler = route.handler(deps, metrics);
    for (const method of route.methods) app[method === 'GET' ? 'get' : 'post'](route.path, handler);
  }
}
