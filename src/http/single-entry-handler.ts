import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from './app-deps';
import { BeaconError } from '../errors/beacon-error';
import { lowest } from '../model/granularity';
import { readRequestOf } from './read-catalog-request';
import { chooseItemSchema } from '../render/item-schemas';
import { queryResponse } from '../render/envelope';
import { renderV1Item } from '../render/v1-item';
import { renderV2Item } from '../render/v2-item';
import { negotiateCatalogFormat } from './negotiation';
import { sendRecordsAs } from './negotiation-send';
import { principalOf } from '../auth/principal';
import { resourceGranularity } from '../auth/resource-granularity';
import { singleEntryIds } from './single-entry-ids';
import type { CatalogStore } from '../store/catalog-store';
import type { CatalogResource } from '../model/catalog-resource';

/** The first of the candidate ids that names a resource. */
async function findFirst(store: CatalogStore, ids: readonly string[]): Promise<CatalogResource | undefined> {
  for (const id of ids) {
    const resource = await store.findById(id);
    if (resource) return resource;
  }
  return undefined;
}

/**
 * `GET /catalogs/{id}` (and POST with a request body): one resource by its `@id`
 * (percent-encoded or raw in the path, see `singleEntryIds`). An id is an identifier filter, and identifier filters match
 * only records the caller may see as records (as `dct:identifier` on `/catalogs`): a
 * resource withheld from the caller is the same 404 as an unknown id, so the path cannot
 * confirm a guessed id either (see SECURITY.md).
 */
export function createSingleEntryHandler(deps: AppDeps): RequestHandler {
  const { config, store } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    // What an id shows depends on who asks, and a withheld id must look like an unknown one.
    res.vary('Authorization');
    res.vary('auth-key');
    const format = negotiateCatalogFormat(req);
    const request = readRequestOf(req, res, config);
    const ids = singleEntryIds(req.path);
    const resource = await findFirst(store, ids);
    if (!resource || resourceGranularity(resource, principalOf(res), config) !== 'record') {
      throw new BeaconError(
        'NOT_FOUND',
        `no catalog resource with id ${ids[0]} that your access level shows; list ids with GET /catalogs`,
      );
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
