import type { Request, Response } from 'express';
import type { AppDeps } from './app-deps';
import { lowest } from '../model/granularity';
import { readRequestOf } from './read-catalog-request';
import { parseFilters } from '../filters/parse-filters';
import { buildQuery } from '../query/build-query';
import { chooseItemSchema, ITEM_SCHEMAS, type ItemSchema } from '../render/item-schemas';
import type { EnvelopeInput } from '../render/envelope';
import { queryResponseJson } from '../render/query-response-json';
import { createItemJsonCache } from '../render/item-json-cache';
import { renderV1Item } from '../render/v1-item';
import { renderV2Item } from '../render/v2-item';
import { filterLimitsFrom } from '../filters/filter-limits';
import { findForPrincipal } from '../auth/find-for-principal';
import { hasTextFilter } from '../filters/has-text-filter';
import { principalOf } from '../auth/principal';
import { negotiateCatalogFormat } from './negotiation';
import { sendRecordsAs } from './negotiation-send';
import { sendJsonText } from './send-json-text';
import { markPrivate } from './mark-private';

/** Item JSON kept per schema: at about 0.6 KB (v1) and 1.2 KB (v2) an item, some 36 MB at most. */
const ITEM_JSON_CACHE_SIZE = 20_000;

/** v1 renderings carry nothing in `info` but the warnings (the VP portal parses it strictly). */
function buildInfo(schema: ItemSchema, unsupported: string[], notes: string[]): Record<string, unknown> | undefined {
  const info: Record<string, unknown> = {};
  if (unsupported.length > 0) info.warnings = { unsupportedFilters: [...new Set(unsupported)] };
  if (schema === 'v2' && notes.length > 0) info.notes = notes;
  return Object.keys(info).length > 0 ? info : undefined;
}

/** POST and GET /catalogs: request -> validate -> parse filters -> query document -> store -> render -> envelope. */
export function createCatalogsHandler(deps: AppDeps) {
  const { config, store, ontology } = deps;
  const filterOptions = {
    includeDescendantTermsDefault: config.includeDescendantTermsDefault,
    limits: filterLimitsFrom(config),
    ontology,
  };
  const itemJson = {
    v1: createItemJsonCache(renderV1Item, ITEM_JSON_CACHE_SIZE),
    v2: createItemJsonCache(renderV2Item, ITEM_JSON_CACHE_SIZE),
  };
  return async (req: Request, res: Response): Promise<void> => {
    const format = negotiateCatalogFormat(req);
    const request = readRequestOf(req, res, config);
    const themePrefixes = request.filters.length > 0 ? await store.themePrefixes() : undefined;
    const filters = parseFilters(request.filters, { ...filterOptions, themePrefixes });
    res.locals.echoFilters = filters.echo;
    const choice = chooseItemSchema(request.requestedSchemas, filters.dialects, config.defaultSchema);
    const granularity = lowest(request.requestedGranularity, config.maxGranularity);
    const { skip, limit } = request.pagination;
    const found = await findForPrincipal(
      store,
      buildQuery(filters.groups),
      { offset: skip * limit, limit },
      granularity,
      principalOf(res),
      config,
      hasTextFilter(filters.groups),
    );
    // Something was withheld at this caller's access level: another caller may see more.
    if (found.notes.length > 0) markPrivate(res);
    if (format !== 'json')
      return sendRecordsAs(res, format, found.records, found.total, found.granularity, config.publicUrl);
    const notes = [...filters.notes, ...found.notes];
    if (choice.unknownRequested)
      notes.push(
        `requested schema(s) ${choice.unknownRequested.join(', ')} not supported; answered in ${ITEM_SCHEMAS[choice.schema].schema}`,
      );
    const envelope: EnvelopeInput = {
      identity: config,
      request,
      echoFilters: filters.echo,
      schema: choice.schema,
      granularity: found.granularity,
    };
    const info = buildInfo(choice.schema, filters.unsupported, notes);
    sendJsonText(req, res, queryResponseJson(envelope, found.total, info, found.records.map(itemJson[choice.schema])));
  };
}
