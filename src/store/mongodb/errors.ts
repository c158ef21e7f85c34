import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { StoreUnavailableError } from '../store-errors';

/** MongoDB's code for an operation stopped by its `maxTimeMS`. */
const MAX_TIME_MS_EXPIRED = 50;

/**
 * Node socket errors the driver (7.x) can let through unwrapped, e.g. EPIPE "This socket
 * has been ended by the other party" when it writes to a pooled connection the server
 * has just closed.
 */
const SOCKET_ERROR_CODES: ReadonlySet<string> = new Set([
  'EPIPE',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ERR_STREAM_DESTROYED',
]);

/** By its `code`, not `instanceof Error`: Node's own errors may come from another realm (as under jest). */
function isSocketError(error: unknown): boolean {
  const code: unknown = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && SOCKET_ERROR_CODES.has(code);
}

/**
 * Driver error -> store error, by class: an unreachable, slow or closed database becomes a
 * `StoreUnavailableError`; anything else (a bug, a bad query) passes through unchanged.
 */
export function fromMongoError(error: unknown): unknown {
  if (error instanceof MongoServerSelectionError || error instanceof MongoNetworkError || isSocketError(error)) {
    return new StoreUnavailableError('unreachable', { cause: error });
  }
  if (error instanceof MongoOperationTimeoutError) {
    return new StoreUnavailableError('timeout', { cause: error });
  }
  if (error instanceof MongoServerError && error.code === MAX_TIME_MS_EXPIRED) {
    return new StoreUnavailableError('timeout', { cause: error });
  }
  if (error instanceof MongoTopologyClosedError || error instanceof MongoNotConnectedError) {
    return new StoreUnavailableError('closed', { cause: error });
  }
  return error;
}

/** MongoDB's code for a read whose collection was renamed over or dropped while it ran. */
const QUERY_PLAN_KILLED = 175;

/**
 * Run one driver call, rejecting with the mapped error. A read killed by `replaceAll`'s
 * rename is run once more: it then reads the new catalog.
 */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof MongoServerError && error.code === QUERY_PLAN_KILLED)) throw fromMongoError(error);
  }
  try {
    return await call();
  } catch (error) {
    throw fromMongoError(error);
  }
}
