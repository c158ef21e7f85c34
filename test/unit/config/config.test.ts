import { ConfigError, loadConfig } from '../../../src/config/config';

describe('loadConfig: MongoDB maxTimeMS against the request timeout', () => {
  test('when neither is set, then reads stop after 3000 ms and requests after 4000 ms', () => {
    const config = loadConfig({});
    expect([config.mongodbMaxTimeMs, config.requestTimeoutMs]).toEqual([3000, 4000]);
  });

  test('when MONGODB_MAX_TIME_MS is set below the request timeout, then it is used', () => {
    const config = loadConfig({ MONGODB_MAX_TIME_MS: '2500', REQUEST_TIMEOUT_MS: '4000' });
    expect(config.mongodbMaxTimeMs).toBe(2500);
  });

  test('when only a short request timeout is set, then the default limit is three quarters of it', () => {
    const config = loadConfig({ REQUEST_TIMEOUT_MS: '1000' });
    expect(config.mongodbMaxTimeMs).toBe(750);
  });

  test('when only a long request timeout is set, then the default limit stays 3000 ms', () => {
    const config = loadConfig({ REQUEST_TIMEOUT_MS: '10000' });
    expect(config.mongodbMaxTimeMs).toBe(3000);
  });

  test('when MONGODB_MAX_TIME_MS equals the request timeout, then a ConfigError names both settings', () => {
    const load = (): unknown => loadConfig({ MONGODB_MAX_TIME_MS: '4000' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      'invalid configuration: MONGODB_MAX_TIME_MS (4000) must be below REQUEST_TIMEOUT_MS (4000), so a MongoDB query stops before its request times out',
    );
  });

  test('when MONGODB_MAX_TIME_MS is above a request timeout set in code, then a ConfigError', () => {
    expect(() => loadConfig({ MONGODB_MAX_TIME_MS: '3000' }, [], { requestTimeoutMs: 2000 })).toThrow(
      'invalid configuration: MONGODB_MAX_TIME_MS (3000) must be below REQUEST_TIMEOUT_MS (2000), so a MongoDB query stops before its request times out',
    );
  });

  test('when MONGODB_MAX_TIME_MS is not a positive integer, then the schema check refuses it', () => {
    expect(() => loadConfig({ MONGODB_MAX_TIME_MS: '0' })).toThrow(
      'invalid configuration: MONGODB_MAX_TIME_MS must be >= 1',
    );
  });
});
