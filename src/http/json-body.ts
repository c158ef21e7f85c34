import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { BeaconError } from '../errors/beacon-error';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** The Content-Type spellings nearly every client sends: read by the fast path below. */
const PLAIN_JSON_TYPES: ReadonlySet<string> = new Set([
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=utf-8',
]);

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A POST body must be JSON: anything else sent with a body is a 415 that says so. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  if (req.method === 'POST' && hasBody(req) && !req.is(JSON_TYPES)) {
    next(
      new BeaconError(
        'UNSUPPORTED_MEDIA_TYPE',
        `send the body as JSON with "Content-Type: application/json" (got ${req.headers['content-type'] ?? 'no Content-Type'})`,
      ),
    );
    return;
  }
  next();
}

/** An error as Express's body parser raises it: the error handler maps its `type`. */
function bodyError(type: string, message: string): Error {
  return Object.assign(new Error(message), { type, status: 400 });
}

/**
 * A plain UTF-8 JSON body of a declared length, no larger than the limit and not
 * compressed: what portals, aggregators and curl send. Everything else (chunked,
 * compressed, other charsets, `+json` types, too large) goes through body-parser,
 * which answers each case itself.
 */
function isPlainJson(req: Request, limitBytes: number): boolean {
  const { headers } = req;
  const length = headers['content-length'];
  const type = headers['content-type'];
  return (
    length !== undefined &&
    headers['transfer-encoding'] === undefined &&
    (headers['content-encoding'] === undefined || headers['content-encoding'].toLowerCase() === 'identity') &&
    type !== undefined &&
    PLAIN_JSON_TYPES.has(type.toLowerCase()) &&
    /^\d+$/.test(length) &&
    Number(length) <= limitBytes
  );
}

/** Reads and parses the body as body-parser would (BOM dropped, empty is `{}`), in fewer steps. */
function readPlainJson(req: Request, next: NextFunction): void {
  const chunks: Buffer[] = [];
  const onData = (chunk: Buffer): void => void chunks.push(chunk);
  const finish = (error?: Error): void => {
    req.off('data', onData).off('end', onEnd).off('error', onAborted).off('close', onAborted);
    next(error);
  };
  const onAborted = (): void => finish(bodyError('request.aborted', 'request aborted'));
  const onEnd = (): void => {
    const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    const text = bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
    try {
      req.body = text.length === 0 ? {} : JSON.parse(text);
    } catch (error) {
      return finish(bodyError('entity.parse.failed', error instanceof Error ? error.message : 'invalid JSON'));
    }
    finish();
  };
  req.on('data', onData).on('end', onEnd).on('error', onAborted).on('close', onAborted);
}

/** JSON bodies of any JSON type (`strict: false`: any JSON value), at most `limitBytes`. */
export function parseJsonBody(limitBytes: number): RequestHandler {
  const general = express.json({ limit: limitBytes, type: JSON_TYPES, strict: false });
  return (req, res, next) => {
    if (req.readableEnded || !isPlainJson(req, limitBytes)) return general(req, res, next);
    readPlainJson(req, next);
  };
}
