import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { CatalogStore } from './catalog-store';
import { MemoryStore } from './memory/memory-store';
import { openMongoStore } from './mongodb/mongo-store';
import type { EmbeddedCatalog } from '../catalog/load-embedded-catalog';

/**
 * MongoDB when a URI is configured (its catalog is written by `beacon-catalog load`);
 * otherwise the embedded store, filled from the catalog file.
 */
export async function openStore(
  config: Readonly<Config>,
  loadCatalog: () => Promise<EmbeddedCatalog>,
  logger: Logger,
): Promise<CatalogStore> {
  if (config.mongodbUri) {
    const { mongodbDatabase: database, mongodbCollection: collection } = config;
    return openMongoStore({
      uri: config.mongodbUri,
      logger,
      maxTimeMS: config.mongodbMaxTimeMs,
      ...(database ? { database } : {}),
      ...(collection ? { collection } : {}),
    });
  }
  const { resources, ...extras } = await loadCatalog();
  return MemoryStore.build(resources, {
    answerCacheBytes: config.answerCacheMb * 1024 * 1024,
    textScanChars: config.maxTextScanChars,
    ...extras,
  });
}
