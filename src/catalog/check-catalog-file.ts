import { byCodeUnits } from '../model/code-units';
import { buildTrigramPostings, type TrigramPostings } from '../store/memory-trigram-build';
import type { ItemProblem } from './load-catalog';
import { itemId, itemTitle } from './normalise-item';
import { streamJsonBatches, type OpenFile } from './stream-json-items';
import { validateCatalogItem } from './validate-catalog-item';

/** At most this many bad items are listed. */
export const MAX_LISTED = 50;

function idOf(item: unknown): string | undefined {
  const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)['@id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

export interface CatalogCheck {
  /** The first `MAX_LISTED` bad items, in file order; empty when every item is valid. */
  problems: ItemProblem[];
  /**
   * When asked for and every item is valid: the titles' `%` search index, positions in `@id`
   * order as the embedded store keeps its documents.
   */
  titles?: TrigramPostings;
}

/** The titles' index with positions in id order: the store sorts its documents by the same ids, by code units. */
function titlesById(ids: readonly string[], titles: readonly string[]): TrigramPostings {
  const order = ids.map((_, i) => i).sort((a, b) => byCodeUnits(ids[a] as string, ids[b] as string));
  return buildTrigramPostings(order.map((i) => titles[i] as string));
}

/**
 * Reads a streamed catalog file and checks every item: the schema (and
 * `validateCatalogItem`'s own checks) and repeated `@id`s. With `indexTitles`, a valid
 * catalog's titles are indexed too: this runs in a worker thread beside the load
 * (`streamCatalog`), which leaves the load's thread that much less to do. Reading errors
 * (`CatalogStreamError`) are thrown.
 */
export async function checkCatalogFile(file: string | OpenFile, indexTitles = false): Promise<CatalogCheck> {
  const problems: ItemProblem[] = [];
  /** @id -> index of the item that first had it. */
  const seen = new Map<string, number>();
  const ids: string[] = [];
  const titles: string[] = [];
  let index = 0;
  for await (const batch of streamJsonBatches(file)) {
    for (const item of batch) {
      const id = idOf(item);
      const itemProblems = validateCatalogItem(item);
      const first = id === undefined ? undefined : seen.get(id);
      if (first !== undefined) itemProblems.push(`duplicate @id, first seen at item ${first}`);
      else if (id !== undefined) seen.set(id, index);
      if (itemProblems.length > 0 && problems.length < MAX_LISTED) problems.push({ index, id, problems: itemProblems });
      if (indexTitles && problems.length === 0) {
        ids.push(itemId(item as Record<string, unknown>));
        titles.push(itemTitle(item as Record<string, unknown>));
      }
      index += 1;
    }
  }
  return indexTitles && problems.length === 0 ? { problems, titles: titlesById(ids, titles) } : { problems };
}
