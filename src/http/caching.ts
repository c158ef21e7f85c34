import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** A strong validator: the same bytes always give the same tag, whichever process sent them. */
export function entityTag(payload: string): string {
  return `"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
}

/**
 * Sends a JSON body that clients may cache for `maxAgeSeconds` and revalidate with
 * `If-None-Match`. Express's `res.send` answers `304` (no body) when `req.fresh`, which
 * compares `If-None-Match` with the `ETag` set here (GET and HEAD only). A `private` body
 * (one that depends on the caller's credentials) is kept by the caller's own cache only.
 */
export function sendCacheable(
  req: Request,
  res: Response,
  body: unknown,
  maxAgeSeconds: number,
  contentType = 'application/json; charset=utf-8',
  scope: 'public' | 'private' = 'public',
): void {
  const payload = JSON.stringify(body);
  res.setHeader('Cache-Control', req.method === 'POST' ? 'no-store' : `${scope}, max-age=${maxAgeSeconds}`);
  res.setHeader('ETag', entityTag(payload));
  res.vary('Accept');
  res.type(contentType).send(payload);
}
