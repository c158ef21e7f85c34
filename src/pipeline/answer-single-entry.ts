import type { Principal } from '../auth/principal';
import { resourceGranularity } from '../auth/resource-granularity';
import type { Dialect } from '../filters/filter-types';
import type { CatalogResource } from '../model/catalog-resource';
import { chooseItemSchema } from '../render/item-schemas';
import type { CatalogRequest } from '../request/catalog-request';
import type { CatalogStore } from '../store/catalog-store';
import type { CatalogQueryDeps } from './answer-catalog-query';
import { answerGranularity, catalogAnswer, type CatalogAnswer } from './catalog-answer';

/** A path names no filters, so none decides the item schema. */
const NO_DIALECTS: ReadonlySet<Dialect> = new Set();

/** The first of the candidate ids that names a resource. */
async function findFirst(store: CatalogStore, ids: readonly string[]): Promise<CatalogResource | undefined> {
  for (const id of ids) {
    const resource = await store.findById(id);
    if (resource) return resource;
  }
  return undefined;
}

/**
 * `/catalogs/{id}`: the resource the first known candidate id names, answered as
 * `/catalogs` answers (item schema, granularity cap, envelope); undefined when there is
 * none or the caller may not see it as a record, so a withheld id looks like an unknown one.
 */
export async function answerSingleEntry(
  request: CatalogRequest,
  ids: readonly string[],
  caller: Principal,
  deps: Pick<CatalogQueryDeps, 'config' | 'store'>,
): Promise<CatalogAnswer | undefined> {
  const { config, store } = deps;
  const resource = await findFirst(store, ids);
  if (!resource || resourceGranularity(resource, caller, config) !== 'record') return undefined;
  const granularity = answerGranularity(request, config);
  return catalogAnswer(config, {
    request,
    choice: chooseItemSchema(request.requestedSchemas, NO_DIALECTS, config.defaultSchema),
    echo: [],
    granularity,
    total: 1,
    records: granularity === 'record' ? [resource] : [],
    unsupported: [],
    notes: [],
    withheld: false,
  });
}
