import fs from 'node:fs';
import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../http/app-deps';
import { sendCacheable } from '../http/caching';

/** The corrected EJP-RD context, shipped in `json-ld-contexts/` (see its README). */
export const CONTEXT_FILE = path.join(__dirname, '..', '..', 'json-ld-contexts', 'ejprd-context.json');

/** `GET /json-ld-contexts/ejprd-context.json`, as `application/ld+json`, read once. */
export function createContextHandler(deps: AppDeps): RequestHandler {
  const context: unknown = JSON.parse(fs.readFileSync(CONTEXT_FILE, 'utf8'));
  return (req: Request, res: Response): void => {
    sendCacheable(req, res, context, deps.config.cacheMaxAgeSeconds, 'application/ld+json; charset=utf-8');
  };
}
