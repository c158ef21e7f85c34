import fs from 'node:fs';
import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import swaggerUiDist from 'swagger-ui-dist';
import type { AppDeps } from '../http/app-deps';
import { BeaconError } from '../errors/beacon-error';
import { sendCacheable } from '../http/caching';
import { openApiDocument } from './openapi-document';
import { docsPage, DOCS_INIT_SCRIPT } from './docs-page';

/** `GET /openapi.json`, built once from configuration. */
export function createOpenApiHandler(deps: AppDeps): RequestHandler {
  const document = openApiDocument(deps.config);
  return (req: Request, res: Response): void => sendCacheable(req, res, document, deps.config.cacheMaxAgeSeconds);
}

/**
 * The page's own Content-Security-Policy, replacing the API-wide `default-src 'none'`:
 * scripts and styles from this server only (Swagger UI sets inline style attributes),
 * and calls to this server and to `PUBLIC_URL`, where "Try it out" sends requests.
 */
function docsPolicy(publicUrl: string): string {
  const api = new URL(publicUrl).origin;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${api}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** `GET /docs`: Swagger UI from its npm package; nothing from a CDN. */
export function createDocsHandler(deps: AppDeps): RequestHandler {
  const html = docsPage(deps.config.beaconName);
  const policy = docsPolicy(deps.config.publicUrl);
  return (_req: Request, res: Response): void => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Cache-Control', `public, max-age=${deps.config.cacheMaxAgeSeconds}`);
    res.type('text/html; charset=utf-8').send(html);
  };
}

/** The few Swagger UI files the page loads, by name; nothing else in the package is served. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

export function createDocsAssetHandler(deps: AppDeps): RequestHandler {
  const root = swaggerUiDist.getAbsoluteFSPath();
  const files = new Map(
    Object.entries(ASSETS).map(([name, type]) => [name, { type, body: fs.readFileSync(path.join(root, name)) }]),
  );
  return (req: Request, res: Response): void => {
    const name = String(req.params.file ?? '');
    res.setHeader('Cache-Control', `public, max-age=${deps.config.cacheMaxAgeSeconds}`);
    if (name === 'init.js') {
      res.type('text/javascript; charset=utf-8').send(DOCS_INIT_SCRIPT);
      return;
    }
    const file = files.get(name);
    if (!file) throw new BeaconError('NOT_FOUND', `no docs asset ${name}`);
    res.type(file.type).send(file.body);
  };
}
