import type { CatalogResource } from '../model/catalog-resource';

export type ItemJson = (resource: CatalogResource) => string;

/**
 * Renderings are pure functions of the stored document and the store never changes a
 * stored object (a reload brings new ones), so each object's item JSON is kept, keyed by
 * the object itself. At most `capacity` are kept, the oldest dropped first, so paging
 * through a million resources cannot pin a gigabyte of text.
 */
export function createItemJsonCache(
  render: (resource: CatalogResource) => Record<string, unknown>,
  capacity: number,
): ItemJson {
  const cache = new Map<CatalogResource, string>();
  return (resource) => {
    let json = cache.get(resource);
    if (json === undefined) {
      json = JSON.stringify(render(resource));
      if (cache.size >= capacity) cache.delete(cache.keys().next().value as CatalogResource);
      cache.set(resource, json);
    }
    return json;
  };
}
