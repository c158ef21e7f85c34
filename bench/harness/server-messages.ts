/** What the bench server tells the harness over IPC once it listens. */
export interface ServerReady {
  kind: 'ready';
  resources: number;
  ontologyMs: number;
  catalogLoadMs: number;
  storeBuildMs: number;
  startupMs: number;
  rssMb: number;
  heapUsedMb: number;
  appPort: number;
  /** The bare Express route on `app.listen`: the ceiling. */
  ceilingPort: number;
  /** The same route on the service's own HTTP server (createHttpServer). */
  serverCeilingPort: number;
  /** Median in-process time (request body -> query -> store -> rendered JSON), per shape and page size. */
  inProcess: InProcessTiming[];
}

export interface InProcessTiming {
  shape: string;
  limit: number;
  total: number;
  /** Without the answer cache: the whole query every time. */
  medianMs: number;
  p99Ms: number;
  /** A repeat, answered from the store's answer cache (as under load, where one shape repeats). */
  cachedMedianMs: number;
}

export interface ServerFailed {
  kind: 'failed';
  message: string;
}

export type ServerMessage = ServerReady | ServerFailed;
