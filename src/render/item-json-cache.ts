import { LRUCache } from 'lru-cache';
import type { CatalogResource } from '../model/catalog-resource';

export type ItemJson = (resource: CatalogResource) => string;

/**
 * Renderings are pure functions of the stored document and the store never changes a
 * stored object (a reload brings new ones), so each object's item JSON is kept, keyed by
 * the object itself. At most `capacity` are kept, least recently used dropped first, so
 * paging through a million resources cannot pin a gigabyte of text.
 */
export function createItemJsonCache(
  render: (resource: CatalogResource) => Record<string, unknown>,
  capacity: number,
): ItemJson {
  const cache = new LRUCache<CatalogResource, string>({ max: capacity });
  return (resource) => {
    let json = cache.get(resource);
    if (json === undefined) {
      json = JSON.stringify(render(resource));
      cache.set(resource, json);
    }
    return json;
  };
}
