import { createItemJsonCache, type ItemJson } from './item-json-cache';
import type { ItemSchema } from './item-schemas';
import { renderV1Item } from './v1-item';
import { renderV2Item } from './v2-item';

export type ItemJsonBySchema = Readonly<Record<ItemSchema, ItemJson>>;

/** Item JSON kept per schema: at about 0.6 KB (v1) and 1.2 KB (v2) an item, some 36 MB at most. */
export const ITEM_JSON_CACHE_SIZE = 20_000;

/** One item-JSON cache per item schema, `capacity` items each. */
export function createItemJsonBySchema(capacity = ITEM_JSON_CACHE_SIZE): ItemJsonBySchema {
  return {
    v1: createItemJsonCache(renderV1Item, capacity),
    v2: createItemJsonCache(renderV2Item, capacity),
  };
}

/** Each item rendered anew: for answers of one item, where a cache would only hold memory. */
export const UNCACHED_ITEM_JSON: ItemJsonBySchema = Object.freeze({
  v1: (resource) => JSON.stringify(renderV1Item(resource)),
  v2: (resource) => JSON.stringify(renderV2Item(resource)),
});
