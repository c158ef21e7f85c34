import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../http/app-deps';
import { BeaconError } from '../errors/beacon-error';
import { lowest } from '../model/granularity';
import { readRequestOf } from '../http/read-catalog-request';
import { chooseItemSchema } from '../render/item-schemas';
import { queryResponse } from '../render/envelope';
import { renderV1Item } from '../render/v1-item';
import { renderV2Item } from '../render/v2-item';
import { negotiateCatalogFormat } from '../http/negotiation';
import { sendRecordsAs } from '../http/negotiation-send';
import { principalOf } from '../auth/principal';
import { resourceGranularity } from '../auth/resource-granularity';

/**
 * `GET /catalogs/{id}` (and POST with a request body): one resource by its `@id`
 * (URL-encoded in the path). An id is an identifier filter, and identifier filters match
 * only records the caller may see as records (as `dct:identifier` on `/catalogs`): a
 * resource withheld from the caller is the same 404 as an unknown id, so the path cannot
 * confirm a guessed id either (see SECURITY.md).
 */
export function createSingleEntryHandler(deps: AppDeps): RequestHandler {
  const { config, store } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    const format = negotiateCatalogFormat(req);
    const request = readRequestOf(req, res, config);
    const id = String(req.params.id ?? '');
    const resource = await store.findById(id);
    if (!resource || resourceGranularity(resource, principalOf(res), config) !== 'record') {
      throw new BeaconError('NOT_FOUND', `no catalog resource with id ${id} that your access level shows; list ids with GET /catalogs`);
    }
    const granularity = lowest(request.requestedGranularity, config.maxGranularity);
    if (format !== 'json') {
      sendRecordsAs(res, format, granularity === 'record' ? [resource] : [], 1, granularity, config.publicUrl);
      return;
    }
    const choice = chooseItemSchema(request.requestedSchemas, new Set(), config.defaultSchema);
    const render = choice.schema === 'v1' ? renderV1Item : renderV2Item;
    const envelope = { identity: config, request, echoFilters: [], schema: choice.schema, granularity };
    res.json(queryResponse(envelope, { total: 1, results: granularity === 'record' ? [render(resource)] : [] }));
  };
}
