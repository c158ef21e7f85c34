import type { Config } from '../config/config';
import type { Principal } from '../auth/principal';
import { findForPrincipal } from '../auth/find-for-principal';
import { filterLimitsFrom } from '../filters/filter-limits';
import type { FilterOntology, ParsedFilters } from '../filters/filter-types';
import { hasTextFilter } from '../filters/has-text-filter';
import { parseFilters } from '../filters/parse-filters';
import { buildQuery } from '../query/build-query';
import { chooseItemSchema } from '../render/item-schemas';
import type { CatalogRequest } from '../request/catalog-request';
import type { CatalogStore } from '../store/catalog-store';
import { answerGranularity, catalogAnswer, type CatalogAnswer } from './catalog-answer';

/** What answering a query needs; `AppDeps` is one. */
export interface CatalogQueryDeps {
  config: Readonly<Config>;
  store: CatalogStore;
  /** Absent when no ontology is loaded. */
  ontology?: FilterOntology;
}

/**
 * `/catalogs`: filters (over the catalog's theme prefixes) -> item schema -> query
 * document -> the caller's access -> store -> the answer's parts. No HTTP and no module
 * state: the handler and the bench's in-process timing both answer through this, so they
 * cannot drift. `onParsed` sees the filters before the store is asked, so that an error
 * or timeout answered meanwhile can echo them.
 */
export async function answerCatalogQuery(
  request: CatalogRequest,
  caller: Principal,
  deps: CatalogQueryDeps,
  onParsed?: (filters: ParsedFilters) => void,
): Promise<CatalogAnswer> {
  const { config, store, ontology } = deps;
  const themePrefixes = request.filters.length > 0 ? await store.themePrefixes() : undefined;
  const filters = parseFilters(request.filters, {
    includeDescendantTermsDefault: config.includeDescendantTermsDefault,
    limits: filterLimitsFrom(config),
    ontology,
    themePrefixes,
  });
  onParsed?.(filters);
  const choice = chooseItemSchema(request.requestedSchemas, filters.dialects, config.defaultSchema);
  const { skip, limit } = request.pagination;
  const found = await findForPrincipal(
    store,
    buildQuery(filters.groups),
    { offset: skip * limit, limit },
    answerGranularity(request, config),
    caller,
    config,
    hasTextFilter(filters.groups),
  );
  return catalogAnswer(config, {
    request,
    choice,
    echo: filters.echo,
    granularity: found.granularity,
    total: found.total,
    records: found.records,
    unsupported: filters.unsupported,
    notes: [...filters.notes, ...found.notes],
    withheld: found.notes.length > 0,
  });
}
