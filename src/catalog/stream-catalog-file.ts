import fs from 'node:fs';
import type { CatalogResource } from '../model/catalog-resource';
import { CatalogValidationError, normaliseCatalog, themesOnly, type AncestorsOf, type ItemProblem } from './load-catalog';
import { normaliseItem } from './normalise-item';
import { SharedValues } from './shared-values';
import { readCatalogFile } from './read-catalog-file';
import { streamJsonBatches } from './stream-json-items';
import { validateCatalogItem } from './validate-catalog-item';

/** Files above this size are streamed even when they are plain JSON. */
const WHOLE_FILE_LIMIT = 128 * 1024 * 1024;
/** At most this many bad items are listed in the error; the count covers them all. */
const MAX_LISTED = 50;

function isLineDelimited(file: string): boolean {
  return /\.(nd)?jsonl?$/i.test(file) && !/\.json$/i.test(file);
}

function idOf(item: unknown): string | undefined {
  const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)['@id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Loads a catalog file of any size: NDJSON (`.ndjson`, `.jsonl`) and large JSON arrays are
 * streamed item by item, validated and normalised as they arrive, so only the stored
 * documents stay in memory; small `.json` files (arrays or JSON-LD `@graph` documents) are
 * read whole. One bad item rejects the catalog, as `loadCatalogFile` does.
 */
export async function streamCatalogFile(file: string, ancestorsOf: AncestorsOf = themesOnly): Promise<CatalogResource[]> {
  if (!isLineDelimited(file) && fs.statSync(file).size <= WHOLE_FILE_LIMIT) return normaliseCatalog(readCatalogFile(file), file, ancestorsOf);
  const state: LoadState = { resources: [], bad: [], seen: new Map(), index: 0, ancestorsOf, shared: new SharedValues() };
  for await (const batch of streamJsonBatches(file)) takeBatch(batch, state);
  if (state.bad.length > 0) throw new CatalogValidationError(file, state.bad.slice(0, MAX_LISTED));
  return state.resources;
}

interface LoadState {
  resources: CatalogResource[];
  bad: ItemProblem[];
  /** @id -> index of the item that first had it. */
  seen: Map<string, number>;
  index: number;
  ancestorsOf: AncestorsOf;
  /** Values many documents hold alike, kept once for this load. */
  shared: SharedValues;
}

/** Validates and normalises one batch of streamed items, synchronously. */
function takeBatch(batch: readonly unknown[], state: LoadState): void {
  for (const item of batch) {
    const id = idOf(item);
    const problems = validateCatalogItem(item);
    const first = id === undefined ? undefined : state.seen.get(id);
    if (first !== undefined) problems.push(`duplicate @id, first seen at item ${first}`);
    else if (id !== undefined) state.seen.set(id, state.index);
    if (problems.length > 0) state.bad.push({ index: state.index, id, problems });
    else if (state.bad.length === 0) state.resources.push(normaliseItem(item as Record<string, unknown>, state.ancestorsOf, state.shared));
    state.index += 1;
  }
}
