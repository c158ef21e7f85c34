import type { Request, Response } from 'express';
import type { Config } from '../config/config';
import { readCatalogRequest, type CatalogRequest } from '../request/catalog-request';
import { getQueryToBody } from '../request/get-query-to-body';

/**
 * The request of `/catalogs` or `/catalogs/{id}`, from a POST body or GET parameters. It is
 * kept in `res.locals` so an error answer can echo what was understood.
 */
export function readRequestOf(req: Request, res: Response, config: Readonly<Config>): CatalogRequest {
  const body: unknown = req.method === 'GET' ? getQueryToBody(req.query as Record<string, unknown>) : req.body;
  const request = readCatalogRequest(body, config);
  res.locals.catalogRequest = request;
  return request;
}
