import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  limit?: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export class LoadRunFailed extends Error {
  override name = 'LoadRunFailed';
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  body?: unknown;
}

/** One fixed-duration autocannon run; any non-2xx answer, error or timeout fails it, and so does no answer at all. */
export async function runLoad(name: string, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    ...(options.body === undefined
      ? { method: 'GET' as const }
      : {
          method: 'POST' as const,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(options.body),
        }),
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || result.requests.total === 0) {
    throw new LoadRunFailed(
      `${name}: ${result.requests.total} answered, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}
