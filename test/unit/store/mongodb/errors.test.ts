import { MongoServerError } from 'mongodb';
import { fromMongoError } from '../../../../src/store/mongodb/errors';
import { StoreUnavailableError } from '../../../../src/store/store-errors';

describe('fromMongoError', () => {
  test('when the server stops a read at its maxTimeMS (code 50), then a StoreUnavailableError for a timeout', () => {
    const expired = new MongoServerError({
      ok: 0,
      code: 50,
      codeName: 'MaxTimeMSExpired',
      errmsg: 'operation exceeded time limit',
    });
    const mapped = fromMongoError(expired);
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as StoreUnavailableError).reason).toBe('timeout');
    expect((mapped as StoreUnavailableError).cause).toBe(expired);
  });

  test('when the server refuses a query for another reason, then the error passes through unchanged', () => {
    const bad = new MongoServerError({ ok: 0, code: 2, codeName: 'BadValue', errmsg: 'bad value' });
    expect(fromMongoError(bad)).toBe(bad);
  });
});
