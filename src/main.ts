import type { Server } from 'node:http';
import { loadConfig } from './config/config';
import { createLogger } from './logging/create-logger';
import { createApp } from './app';
import { openStore } from './store/open-store';
import { loadCatalogFile } from './catalog/load-catalog';

/** config -> logger -> catalog -> store -> app -> listen; SIGTERM closes it all. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  const store = await openStore(config, () => loadCatalogFile(config.catalogFile), logger);
  const app = createApp({ config, store, logger });
  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, store: store.kind, ms: Date.now() - started }, 'beacon-catalog listening');
  });
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    server.close(() => void store.close().finally(() => process.exit(0)));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // The logger may not exist yet: write the reason plainly to stderr and stop.
  process.stderr.write(`beacon-catalog failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
