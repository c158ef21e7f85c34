import type { CatalogResource } from '../../model/catalog-resource';

/**
 * The position of `id` in resources sorted by `id` (code units), by binary search: a
 * million-entry id -> position map cost a second and a half of start-up and tens of
 * megabytes for a lookup that single-resource requests and token grants make a handful of times.
 */
export function positionById(sorted: readonly CatalogResource[], id: string): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as CatalogResource).id < id) low = mid + 1;
    else high = mid;
  }
  return sorted[low]?.id === id ? low : undefined;
}
