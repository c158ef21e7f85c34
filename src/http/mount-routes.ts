import type { Express, RequestHandler } from 'express';
import { BeaconError } from '../errors/beacon-error';
import type { AppDeps } from './app-deps';
import type { Metrics } from '../observability/metrics';
import type { Route } from './routes';
import { routeLabel } from './routes';

/** Any other method on a known path: 405 with `Allow`, matched by the router exactly as the route is. */
function methodNotAllowed(route: Route): RequestHandler {
  const allow = route.methods.join(', ');
  const label = routeLabel(route);
  return (req, res, next) => {
    res.setHeader('Allow', allow);
    next(
      new BeaconError(
        'METHOD_NOT_ALLOWED',
        `${req.method} is not allowed on ${label}; use ${route.methods.join(' or ')}`,
      ),
    );
  };
}

/** Registers each route's handler for each of its methods, then its 405 for the rest, in table order. */
export function mountRoutes(app: Express, routes: readonly Route[], deps: AppDeps, metrics: Metrics): void {
  for (const route of routes) {
    const handler = route.handler(deps, metrics);
    for (const method of route.methods) app[method === 'GET' ? 'get' : 'post'](route.path, handler);
    app.all(route.path, methodNotAllowed(route));
  }
}
