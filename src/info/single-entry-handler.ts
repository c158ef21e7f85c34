import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../http/app-deps';
import { BeaconError } from '../errors/beacon-error';
import { readCatalogRequest, type Granularity } from '../request/catalog-request';
import { getQueryToBody } from '../request/get-query-to-body';
import { chooseItemSchema } from '../render/item-schemas';
import { queryResponse } from '../render/envelope';
import { renderV1Item } from '../render/v1-item';
import { renderV2Item } from '../render/v2-item';
import { negotiateCatalogFormat } from '../http/negotiation';
import { sendRecordsAs } from '../http/negotiation-send';

const GRANULARITY_ORDER: readonly Granularity[] = ['boolean', 'count', 'record'];

function capGranularity(requested: Granularity, maximum: Granularity): Granularity {
  return GRANULARITY_ORDER.indexOf(requested) <= GRANULARITY_ORDER.indexOf(maximum) ? requested : maximum;
}

/**
 * `GET /catalogs/{id}` (and POST with a request body): one resource by its `@id`
 * (URL-encoded in the path), as a record-level response in the requested schema.
 * Granularity is capped by configuration like any query; an unknown id is a 404.
 */
export function createSingleEntryHandler(deps: AppDeps): RequestHandler {
  const { config, store } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    const format = negotiateCatalogFormat(req);
    const body: unknown = req.method === 'GET' ? getQueryToBody(req.query as Record<string, unknown>) : req.body;
    const request = readCatalogRequest(body, config);
    res.locals.catalogRequest = request;
    const id = String(req.params.id ?? '');
    const resource = await store.findById(id);
    if (!resource) throw new BeaconError('NOT_FOUND', `no catalog resource with id ${id}; list ids with GET /catalogs`);
    const granularity = capGranularity(request.requestedGranularity, config.maxGranularity);
    if (format !== 'json') {
      sendRecordsAs(res, format, [resource], 1, granularity, config.publicUrl);
      return;
    }
    const choice = chooseItemSchema(request.requestedSchemas, new Set(), config.defaultSchema);
    const render = choice.schema === 'v1' ? renderV1Item : renderV2Item;
    const envelope = { identity: config, request, echoFilters: [], schema: choice.schema, granularity };
    const results = granularity === 'record' ? [render(resource)] : [];
    res.json(queryResponse(envelope, { total: 1, results }));
  };
}
