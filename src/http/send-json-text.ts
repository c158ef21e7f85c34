import type { Request, Response } from 'express';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Sends JSON text. GET keeps Express's `res.send` (strong ETag, 304 on `If-None-Match`);
 * a POST answer is never cached, so it goes out without an ETag or freshness check. A
 * response already answered (e.g. by the request timeout) is left alone.
 */
export function sendJsonText(req: Request, res: Response, text: string): void {
  if (req.method !== 'POST') {
    res.type(JSON_TYPE).send(text);
    return;
  }
  if (res.headersSent) return;
  res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
