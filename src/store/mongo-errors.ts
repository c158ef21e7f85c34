import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { StoreUnavailableError } from './store-errors';

/** MongoDB's code for an operation stopped by its `maxTimeMS`. */
const MAX_TIME_MS_EXPIRED = 50;

/**
 * Driver error -> store error, by class: an unreachable, slow or closed database becomes a
 * `StoreUnavailableError`; anything else (a bug, a bad query) passes through unchanged.
 */
export function fromMongoError(error: unknown): unknown {
  if (error instanceof MongoServerSelectionError || error instanceof MongoNetworkError) {
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

/** Run one driver call, rejecting with the mapped error. */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromMongoError(error);
  }
}
