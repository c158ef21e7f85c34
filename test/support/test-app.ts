import path from 'node:path';
import pino from 'pino';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config/config';
import { loadCatalogFile } from '../../src/catalog/load-catalog';
import { MemoryStore } from '../../src/store/memory/memory-store';
import type { CatalogResource } from '../../src/model/catalog-resource';
import type { AppDeps } from '../../src/http/app-deps';

export const FIXTURE_CATALOG = path.join(__dirname, '..', '..', 'fixtures', 'catalog.json');

let fixtureResources: CatalogResource[] | undefined;

/** The shipped fixtures, normalised once per test file. */
export function fixtureCatalog(): CatalogResource[] {
  fixtureResources ??= loadCatalogFile(FIXTURE_CATALOG);
  return fixtureResources;
}

export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  return loadConfig({}, [], { logLevel: 'silent', ...overrides });
}

/** The app over the embedded store with the fixtures (or the given resources), logging nothing. */
export function createTestApp(
  options: { config?: Partial<Config>; resources?: CatalogResource[]; deps?: Partial<AppDeps> } = {},
): Express {
  const config = testConfig(options.config);
  return createApp({
    config,
    store: new MemoryStore(options.resources ?? fixtureCatalog()),
    logger: pino({ level: 'silent' }),
    ...options.deps,
  });
}
