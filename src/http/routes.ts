import type { RequestHandler } from 'express';
import type { AppDeps } from './app-deps';
import { createCatalogsHandler } from './catalogs-handler';
import { createEntryTypesHandler } from './entry-types-handler';
import {
  createConfigurationHandler,
  createFilteringTermsHandler,
  createInfoHandler,
  createMapHandler,
  createServiceInfoHandler,
} from '../info/informational-handlers';
import { createSingleEntryHandler } from './single-entry-handler';
import { createContextHandler } from '../info/context-handler';
import { createDocsAssetHandler, createDocsHandler, createOpenApiHandler } from '../openapi/openapi-handlers';
import { createLiveHandler, createMetricsHandler, createReadyHandler } from '../observability/observability-routes';
import type { Metrics } from '../observability/metrics';

export interface Route {
  path: string;
  methods: readonly ('GET' | 'POST')[];
  handler: (deps: AppDeps, metrics: Metrics) => RequestHandler;
  /** Mounted before the traffic limits: never rate limited, queued or timed out (probes, scrapes). */
  beforeLimits?: true;
}

/** The route table: every path the service answers, and with which methods. */
export const ROUTES: readonly Route[] = [
  { path: '/catalogs', methods: ['GET', 'POST'], handler: createCatalogsHandler },
  { path: '/entry_types', methods: ['GET', 'POST'], handler: createEntryTypesHandler },
  { path: '/', methods: ['GET', 'POST'], handler: createInfoHandler },
  { path: '/info', methods: ['GET', 'POST'], handler: createInfoHandler },
  { path: '/service-info', methods: ['GET'], handler: createServiceInfoHandler },
  { path: '/configuration', methods: ['GET', 'POST'], handler: createConfigurationHandler },
  { path: '/map', methods: ['GET', 'POST'], handler: createMapHandler },
  { path: '/filtering_terms', methods: ['GET', 'POST'], handler: createFilteringTermsHandler },
  // A wildcard: aggregators fill `/map`'s `/catalogs/{id}` with the raw `@id`, slashes and all.
  { path: '/catalogs/*id', methods: ['GET', 'POST'], handler: createSingleEntryHandler },
  { path: '/json-ld-contexts/ejprd-context.json', methods: ['GET'], handler: createContextHandler },
  { path: '/openapi.json', methods: ['GET'], handler: createOpenApiHandler },
  { path: '/docs', methods: ['GET'], handler: createDocsHandler },
  { path: '/docs/:file', methods: ['GET'], handler: createDocsAssetHandler },
  { path: '/health/live', methods: ['GET'], handler: createLiveHandler, beforeLimits: true },
  { path: '/health/ready', methods: ['GET'], handler: createReadyHandler, beforeLimits: true },
  { path: '/metrics', methods: ['GET'], handler: createMetricsHandler, beforeLimits: true },
];

/** A route's path as OpenAPI and error messages write it: `/catalogs/{id}` for `/catalogs/*id`. */
export function routeLabel(route: Route): string {
  return route.path.replace(/[:*](\w+)/g, '{$1}');
}
