import { ConfigError, loadConfig } from '../../../src/config/config';

describe('KEY_FETCH_TIMEOUT_MS', () => {
  test('when nothing is set, then key fetches give up after 1000 ms', () => {
    expect(loadConfig({}).keyFetchTimeoutMs).toBe(1000);
  });

  test('when only a short request timeout is set, then the default is a quarter of it', () => {
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '2000' }).keyFetchTimeoutMs).toBe(500);
  });

  test('when it is set below half the request timeout, then it is used', () => {
    expect(loadConfig({ KEY_FETCH_TIMEOUT_MS: '1500', REQUEST_TIMEOUT_MS: '4000' }).keyFetchTimeoutMs).toBe(1500);
  });

  test('when it is half the request timeout or more, then a ConfigError names both settings', () => {
    const load = (): unknown => loadConfig({ KEY_FETCH_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '4000' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      'invalid configuration: KEY_FETCH_TIMEOUT_MS (2000) must be below half of REQUEST_TIMEOUT_MS (4000), so a caller whose keys do not arrive is answered before its request times out',
    );
  });

  test('when it is not a positive integer, then the schema check refuses it', () => {
    expect(() => loadConfig({ KEY_FETCH_TIMEOUT_MS: '0' })).toThrow(
      'invalid configuration: KEY_FETCH_TIMEOUT_MS must be >= 1',
    );
  });
});
