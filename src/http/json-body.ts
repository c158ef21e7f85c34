import express, { type NextFunction, type Request, type Response } from 'express';
import { BeaconError } from '../errors/beacon-error';

const JSON_TYPES = ['application/json', 'application/*+json'];

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A POST body must be JSON: anything else sent with a body is a 415 that says so. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  if (req.method === 'POST' && hasBody(req) && !req.is(JSON_TYPES)) {
    next(new BeaconError('UNSUPPORTED_MEDIA_TYPE', `send the body as JSON with "Content-Type: application/json" (got ${req.headers['content-type'] ?? 'no Content-Type'})`));
    return;
  }
  next();
}

export function parseJsonBody(limitBytes: number) {
  return express.json({ limit: limitBytes, type: JSON_TYPES, strict: false });
}
