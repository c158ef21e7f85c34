/**
 * The service under test, started by the harness as a child process: loads the ontologies
 * and the catalog into the embedded store (or, with MONGODB_URI, into MongoDB unless the
 * collection already holds as many documents), times the pipeline in-process, then serves
 * the app and a bare Express "ceiling" route on loopback and reports over IPC. The ceiling
 * route is served twice: by `app.listen`, as the issue defines it, and by the HTTP server
 * the service itself runs on (createHttpServer), the stricter measure.
 * Args: <catalog file>; env ANSWER_CACHE_MB, MONGODB_URI, MONGODB_DATABASE, MONGODB_COLLECTION as the service reads them.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createApp } from '../../src/app';
import { createHttpServer } from '../../src/http/create-http-server';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/create-logger';
import { loadOntologies } from '../../src/ontology';
import { themeClosureOf } from '../../src/ontology/theme-closures';
import { streamCatalogFile } from '../../src/catalog/stream-catalog-file';
import { MemoryStore } from '../../src/store/memory/memory-store';
import { openStore } from '../../src/store/open-store';
import type { Logger } from 'pino';
import type { CatalogStore } from '../../src/store/catalog-store';
import { loadEmbeddedCatalog } from '../../src/catalog/load-embedded-catalog';
import { ONTOLOGY_FILES } from '../generate/theme-pool';
import { QUERY_SHAPES } from './query-shapes';
import { timeInProcess } from './in-process';
import type { InProcessTiming, ServerMessage } from './server-messages';
import type { Config } from '../../src/config/config';
import type { OntologyIndex } from '../../src/ontology';

/** Timed runs per shape on MongoDB: each is a round trip, and a medium-sized sample suffices. */
const MONGODB_ITERATIONS = 20;

const CEILING_BODY = { ok: true, service: 'ceiling', numbers: [1, 2, 3] };

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.once('listening', () => resolve((server.address() as AddressInfo).port)));
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

/**
 * In-process timings on `store` and, for the embedded store, on the same catalog and indexes
 * keeping no answers; MongoDB keeps none, so it serves as both.
 */
async function timeWithAndWithoutCache(
  store: CatalogStore,
  deps: { config: Readonly<Config>; ontology: OntologyIndex },
): Promise<InProcessTiming[]> {
  if (!(store instanceof MemoryStore))
    return timeInProcess(QUERY_SHAPES, [10, 100], { ...deps, store, uncached: store }, MONGODB_ITERATIONS);
  return timeInProcess(QUERY_SHAPES, [10, 100], { ...deps, store, uncached: store.withoutAnswerCache() });
}

/**
 * The store `npm start` would open (openStore) on what `load` gives, the ontologies loading
 * meanwhile as they do there. MongoDB is given the documents and their themes' closures (what
 * `beacon-catalog load` writes), and its collection is filled with them when its count differs.
 */
async function openBenchStore(
  file: string,
  loadingOntology: Promise<OntologyIndex>,
  config: Readonly<Config>,
  logger: Logger,
  loaded: () => void,
): Promise<CatalogStore> {
  if (!config.mongodbUri)
    return openStore(config, () => loadEmbeddedCatalog(file, loadingOntology).finally(loaded), logger);
  const ontology = await loadingOntology;
  const resources = await streamCatalogFile(file).finally(loaded);
  const store = await openStore(config, async () => ({ resources }), logger);
  if ((await store.find({}, { offset: 0, limit: 0 }, false)).total !== resources.length)
    await store.replaceAll(resources, { themeClosure: themeClosureOf(ontology) });
  return store;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bench-server <catalog file>');
  const started = performance.now();
  let ontologyMs = 0;
  const loadingOntology = loadOntologies(ONTOLOGY_FILES).finally(() => (ontologyMs = performance.now() - started));
  const { ANSWER_CACHE_MB, MONGODB_URI, MONGODB_DATABASE, MONGODB_COLLECTION } = process.env;
  const config = loadConfig({ ANSWER_CACHE_MB, MONGODB_URI, MONGODB_DATABASE, MONGODB_COLLECTION }, [], {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
  });
  const logger = createLogger('silent');
  let catalogLoadMs = 0;
  const store = await openBenchStore(
    file,
    loadingOntology,
    config,
    logger,
    () => (catalogLoadMs = performance.now() - started),
  );
  const ontology = await loadingOntology;
  const storeBuildMs = performance.now() - started - catalogLoadMs;
  const app = createApp({ config, store, logger, ontology });
  const appServer = createHttpServer(app).listen(0, '127.0.0.1');
  const ceiling = express();
  ceiling.get('/ceiling', (_req, res) => void res.json(CEILING_BODY));
  const ceilingServer = ceiling.listen(0, '127.0.0.1');
  const serverCeilingServer = createHttpServer(ceiling).listen(0, '127.0.0.1');
  const [appPort, ceilingPort, serverCeilingPort] = await Promise.all([
    listen(appServer),
    listen(ceilingServer),
    listen(serverCeilingServer),
  ]);
  const startupMs = performance.now() - started;
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const { size } = await store.find({}, { offset: 0, limit: 0 }, false).then((r) => ({ size: r.total }));
  const inProcess = await timeWithAndWithoutCache(store, { config, ontology });
  // The in-process runs' garbage is collected here, not during the first load run.
  (globalThis as { gc?: () => void }).gc?.();
  const ready: ServerMessage = {
    kind: 'ready',
    resources: size,
    ontologyMs,
    catalogLoadMs,
    storeBuildMs,
    startupMs,
    rssMb: mb(memory.rss),
    heapUsedMb: mb(memory.heapUsed),
    appPort,
    ceilingPort,
    serverCeilingPort,
    inProcess,
  };
  process.send?.(ready);
  process.on('disconnect', () => {
    appServer.close();
    ceilingServer.close();
    serverCeilingServer.close();
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  process.send?.({
    kind: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  } satisfies ServerMessage);
  process.exit(1);
});
