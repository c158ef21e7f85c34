import { byCodeUnits } from '../model/code-units';
import { buildTrigramPostings, type TrigramPostings } from '../store/memory/trigram-build';
import { ItemChecker, type ItemProblem } from './load-catalog';
import { itemId, itemTitle } from './normalise-item';
import { streamJsonBatches, type OpenFile } from './stream-json-items';

/** At most this many bad items are listed. */
export const MAX_LISTED = 50;

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
  const checker = new ItemChecker();
  const ids: string[] = [];
  const titles: string[] = [];
  for await (const batch of streamJsonBatches(file)) {
    for (const item of batch) {
      const problem = checker.check(item);
      if (problem && problems.length < MAX_LISTED) problems.push(problem);
      if (indexTitles && problems.length === 0) {
        ids.push(itemId(item as Record<string, unknown>));
        titles.push(itemTitle(item as Record<string, unknown>));
      }
    }
  }
  return indexTitles && problems.length === 0 ? { problems, titles: titlesById(ids, titles) } : { problems };
}
