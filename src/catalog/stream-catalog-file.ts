import fs from 'node:fs';
import type { CatalogResource } from '../model/catalog-resource';
import { runInWorker, siblingModule } from '../worker/run-in-worker';
import type { TrigramPostings } from '../store/memory/trigram-build';
import type { CatalogCheck } from './check-catalog-file';
import { CatalogValidationError, normaliseCatalog } from './load-catalog';
import { normaliseItem } from './normalise-item';
import { SharedValues } from './shared-values';
import { readCatalogFile } from './read-catalog-file';
import { streamJsonBatches, type OpenFile } from './stream-json-items';

/** Files above this size are streamed even when they are plain JSON. */
const WHOLE_FILE_LIMIT = 128 * 1024 * 1024;

function isLineDelimited(file: string): boolean {
  return /\.(nd)?jsonl?$/i.test(file) && !/\.json$/i.test(file);
}

/**
 * A streamed catalog's documents and, when asked for, its titles' index as the worker
 * checking the file builds it. `titles` settles once that check is done and rejects with
 * the catalog's problems (`CatalogValidationError`): the documents are not to be served
 * before it resolves. The store builds its other indexes meanwhile.
 */
export interface StreamedCatalog {
  resources: CatalogResource[];
  titles?: Promise<TrigramPostings | undefined>;
}

/**
 * Loads a catalog file of any size: NDJSON (`.ndjson`, `.jsonl`) and large JSON arrays are
 * streamed item by item and normalised as they arrive, so only the stored documents stay in
 * memory, while a worker thread reads the same file and checks every item (schema, repeated
 * `@id`s): at a million items that is seconds of work off this thread. Small `.json` files
 * (arrays or JSON-LD `@graph` documents) are read whole and checked here. One bad item
 * rejects the catalog, as `loadCatalogFile` does.
 */
export async function streamCatalogFile(file: string): Promise<CatalogResource[]> {
  return (await streamCatalog(file, false)).resources;
}

/**
 * `streamCatalogFile`; with `indexTitles`, a streamed file's worker also builds the titles'
 * `%` search index in `id` order, for the embedded store (a file read whole gets none).
 * With `after`, this thread starts on the file only once `after` has settled, while the
 * worker is already reading: the service loads its ontologies meanwhile, at full speed,
 * where interleaved with the catalog's batches their streams waited on every one.
 */
export async function streamCatalog(
  file: string,
  indexTitles: boolean,
  after?: Promise<unknown>,
): Promise<StreamedCatalog> {
  if (!isLineDelimited(file) && fs.statSync(file).size <= WHOLE_FILE_LIMIT)
    return { resources: normaliseCatalog(readCatalogFile(file), file) };
  // One descriptor for both readers: they read the same file even if it is replaced meanwhile.
  const handle = await fs.promises.open(file);
  const stop = new AbortController();
  const checked = runInWorker<CatalogCheck>(
    siblingModule(__filename, 'check-catalog-worker'),
    { file: { fd: handle.fd }, indexTitles },
    stop.signal,
  );
  // Its failure is reported through `verdict` below, or this thread's own comes first.
  const workerDone = checked.then(
    () => undefined,
    () => undefined,
  );
  const read = await Promise.resolve(after)
    .then(() => normaliseStream({ fd: handle.fd }))
    .catch(async (error: unknown) => {
      // A worker still reading is stopped, and the descriptor closed only once it has exited.
      stop.abort();
      await workerDone;
      await handle.close();
      throw error;
    });
  // This thread is done with the descriptor: it is closed once the worker is too.
  void workerDone.then(() => handle.close()).catch(() => undefined);
  const verdict = checked.then(({ problems, titles }) => {
    if (problems.length > 0) throw new CatalogValidationError(file, problems);
    if (read instanceof Error) throw read;
    return { resources: read, titles };
  });
  if (read instanceof Error || !indexTitles) return { resources: (await verdict).resources };
  // Handled where `titles` is awaited; this keeps an early rejection from counting as unhandled.
  verdict.catch(() => undefined);
  return { resources: read, titles: verdict.then((checkedCatalog) => checkedCatalog.titles) };
}

/**
 * Each item normalised as it comes, unchecked: the worker's check decides. The first error
 * of an item that does not normalise is returned in place of the resources, once the whole
 * file has been read (a later syntax error is thrown, as a checked load throws it).
 */
async function normaliseStream(file: OpenFile): Promise<CatalogResource[] | Error> {
  const resources: CatalogResource[] = [];
  const shared = new SharedValues();
  let failure: Error | undefined;
  for await (const batch of streamJsonBatches(file)) {
    for (const item of batch) {
      if (failure !== undefined) break;
      try {
        resources.push(normaliseItem(item as Record<string, unknown>, shared));
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
    }
  }
  return failure ?? resources;
}
