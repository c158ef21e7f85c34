import type { RequestHandler } from 'express';
import type { AppDeps } from './app-deps';
import { createCatalogsHandler } from './catalogs-handler';
import { createEntryTypesHandler } from './entry-types-handler';

export interface Route {
  path: string;
  methods: readonly ('GET' | 'POST')[];
  handler: (deps: AppDeps) => RequestHandler;
}

/** The route table: every path the service answers, and with which methods. */
export const ROUTES: readonly Route[] = [
  { path: '/catalogs', methods: ['GET', 'POST'], handler: createCatalogsHandler },
  { path: '/entry_types', methods: ['GET', 'POST'], handler: createEntryTypesHandler },
];
