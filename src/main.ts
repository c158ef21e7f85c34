import { once } from 'node:events';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { loadConfig, type Config } from './config/config';
import { createLogger } from './logging/create-logger';
import { createApp } from './app';
import { createHttpServer } from './http/create-http-server';
import { openStore } from './store/open-store';
import { createGracefulShutdown, onTerminationSignals } from './lifecycle/graceful-shutdown';
import { loadEmbeddedCatalog } from './catalog/load-embedded-catalog';
import type { CatalogStore } from './store/catalog-store';
import { MemoryStore } from './store/memory/memory-store';
import { loadOntologies, type OntologyIndex } from './ontology';

async function loadOntologyIndex(config: Readonly<Config>, logger: Logger): Promise<OntologyIndex | undefined> {
  if (config.ontologyFiles.length === 0) return undefined;
  return loadOntologies(config.ontologyFiles, {
    onLoaded: (version, ms) =>
      logger.info({ ontology: version.prefix, version: version.version, terms: version.terms, ms }, 'ontology loaded'),
  });
}

/**
 * SIGHUP: the embedded store re-reads its file and swaps the new catalog in whole; a file
 * that cannot be read or has an invalid record is logged and the old catalog kept. MongoDB
 * needs no reload: the loader's collection swap is seen by the next query.
 */
async function reloadCatalog(
  config: Readonly<Config>,
  store: CatalogStore,
  ontology: OntologyIndex | undefined,
  logger: Logger,
): Promise<void> {
  if (!(store instanceof MemoryStore)) {
    logger.info({ store: store.kind }, 'SIGHUP: nothing to reload, the MongoDB catalog is swapped by the loader');
    return;
  }
  const started = Date.now();
  try {
    const { resources, ...extras } = await loadEmbeddedCatalog(config.catalogFile, ontology);
    await store.replaceAll(resources, extras);
    logger.info({ file: config.catalogFile, count: resources.length, ms: Date.now() - started }, 'catalog reloaded');
  } catch (error) {
    logger.error(
      { err: error, file: config.catalogFile },
      'catalog reload failed; the previous catalog is still served',
    );
  }
}

/** config -> logger -> ontologies and catalog (together) -> store -> app -> HTTP server -> listen; SIGTERM closes it all. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  // Started together: the catalog's worker thread reads the file from the start while this
  // thread loads the ontologies, then the catalog's documents.
  const loadingOntology = loadOntologyIndex(config, logger);
  // Awaited below; when the catalog fails first, its error is the one reported.
  loadingOntology.catch(() => undefined);
  // Streamed: a million-resource NDJSON file is beyond V8's longest string.
  const store = await openStore(config, () => loadEmbeddedCatalog(config.catalogFile, loadingOntology), logger);
  const ontology = await loadingOntology;
  const app = createApp({ config, store, logger, ontology });
  const server: Server = createHttpServer(app, config).listen(config.port, config.host);
  // `once` rejects on an 'error' first: a port in use or not allowed fails the start (main's catch).
  await once(server, 'listening');
  logger.info({ port: config.port, store: store.kind, ms: Date.now() - started }, 'beacon-catalog listening');
  onTerminationSignals(createGracefulShutdown({ server, store, logger, graceMs: config.shutdownGraceMs }), (code) =>
    process.exit(code),
  );
  let reloading = Promise.resolve();
  process.on('SIGHUP', () => {
    reloading = reloading.then(() => reloadCatalog(config, store, ontology, logger));
  });
}

main().catch((error: unknown) => {
  // The logger may not exist yet: write the reason plainly to stderr and stop.
  process.stderr.write(`beacon-catalog failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
