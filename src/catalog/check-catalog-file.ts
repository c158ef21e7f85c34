import type { ItemProblem } from './load-catalog';
import { streamJsonBatches, type OpenFile } from './stream-json-items';
import { validateCatalogItem } from './validate-catalog-item';

/** At most this many bad items are listed. */
export const MAX_LISTED = 50;

function idOf(item: unknown): string | undefined {
  const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)['@id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The first `MAX_LISTED` bad items of a streamed catalog file, in file order: items the
 * schema (and `validateCatalogItem`'s own checks) rejects and repeated `@id`s. Empty when
 * every item is valid. Reading errors (`CatalogStreamError`) are thrown.
 */
export async function checkCatalogFile(file: string | OpenFile): Promise<ItemProblem[]> {
  const bad: ItemProblem[] = [];
  /** @id -> index of the item that first had it. */
  const seen = new Map<string, number>();
  let index = 0;
  for await (const batch of streamJsonBatches(file)) {
    for (const item of batch) {
      const id = idOf(item);
      const problems = validateCatalogItem(item);
      const first = id === undefined ? undefined : seen.get(id);
      if (first !== undefined) problems.push(`duplicate @id, first seen at item ${first}`);
      else if (id !== undefined) seen.set(id, index);
      if (problems.length > 0 && bad.length < MAX_LISTED) bad.push({ index, id, problems });
      index += 1;
    }
  }
  return bad;
}
