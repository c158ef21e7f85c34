import fs from 'node:fs';
import type { CatalogResource } from '../model/catalog-resource';
import { CatalogValidationError, normaliseCatalog, themesOnly, type AncestorsOf, type ItemProblem } from './load-catalog';
import { normaliseItem } from './normalise-item';
import { readCatalogFile } from './read-catalog-file';
import { streamJsonItems } from './stream-json-items';
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
  const resources: CatalogResource[] = [];
  const bad: ItemProblem[] = [];
  const seen = new Map<string, number>();
  let index = 0;
  for await (const item of streamJsonItems(file)) {
    const id = idOf(item);
    const problems = validateCatalogItem(item);
    const first = id === undefined ? undefined : seen.get(id);
    if (first !== undefined) problems.push(`duplicate @id, first seen at item ${first}`);
    else if (id !== undefined) seen.set(id, index);
    if (problems.length > 0) bad.push({ index, id, problems });
    else if (bad.length === 0) resources.push(normaliseItem(item as Record<string, unknown>, ancestorsOf));
    index += 1;
  }
  if (bad.length > 0) throw new CatalogValidationError(file, bad.slice(0, MAX_LISTED));
  return resources;
}
