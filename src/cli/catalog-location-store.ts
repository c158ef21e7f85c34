import { streamCatalogFile } from '../catalog/stream-catalog-file';
import type { CatalogResource } from '../model/catalog-resource';
import type { CatalogStore } from '../store/catalog-store';
import { MemoryStore } from '../store/memory/memory-store';
import { openMongoStore } from '../store/mongodb/mongo-store';
import type { CatalogLocation } from './parse-cli-args';

const SERVER_SELECTION_TIMEOUT_MS = 10_000;
const PAGE = 1000;

/** The store a location names: the embedded store filled from its file, or the MongoDB collection. */
export async function openLocationStore(location: CatalogLocation): Promise<CatalogStore> {
  if (location.kind === 'file') return new MemoryStore(await streamCatalogFile(location.file));
  const { uri, database, collection } = location;
  return openMongoStore({
    uri,
    serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    ...(database === undefined ? {} : { database }),
    ...(collection === undefined ? {} : { collection }),
  });
}

/** Every resource of a store, sorted by id, read in pages (one `$facet` answer stays far below 16 MB). */
export async function readAllResources(store: CatalogStore): Promise<CatalogResource[]> {
  const all: CatalogResource[] = [];
  for (;;) {
    const { records } = await store.find({}, { offset: all.length, limit: PAGE }, true);
    for (const record of records) all.push(record);
    if (records.length < PAGE) return all;
  }
}

/** Open, use, always close. */
export async function withLocationStore<T>(
  location: CatalogLocation,
  use: (store: CatalogStore) => Promise<T>,
): Promise<T> {
  const store = await openLocationStore(location);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
