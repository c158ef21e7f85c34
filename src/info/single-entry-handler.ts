import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../http/app-deps';
import { BeaconError } from '../errors/beacon-error';
import { lowest, type Granularity } from '../model/granularity';
import { readRequestOf } from '../http/read-catalog-request';
import { chooseItemSchema } from '../render/item-schemas';
import { queryResponse } from '../render/envelope';
import { renderV1Item } from '../render/v1-item';
import { renderV2Item } from '../render/v2-item';
import { negotiateCatalogFormat } from '../http/negotiation';
import { sendRecordsAs } from '../http/negotiation-send';
import { principalOf } from '../auth/principal';
import { resourceGranularity } from '../auth/resource-granularity';
import { markPrivate } from '../http/mark-private';

/** The v2 note when access lowered the answer, in the words `/catalogs` uses. */
function accessNote(allowed: Granularity, byToken: boolean): string {
  const suffix = byToken ? ' (your token grants no access to it)' : '';
  return allowed === 'boolean'
    ? `this resource exists but your access level allows only a yes/no answer for it${suffix}`
    : `this resource is withheld as a record: your access level allows only a count for it${suffix}`;
}

/**
 * `GET /catalogs/{id}` (and POST with a request body): one resource by its `@id`
 * (URL-encoded in the path). Access levels apply as on `/catalogs`: a resource the caller
 * may not see as a record is answered as `/catalogs` filtered by its id would be, at the
 * granularity its level allows (a count or a yes/no saying it exists), with a v2 note.
 * Every level allows at least a yes/no, so only an unknown id is a 404 (see SECURITY.md).
 */
export function createSingleEntryHandler(deps: AppDeps): RequestHandler {
  const { config, store } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    const format = negotiateCatalogFormat(req);
    const request = readRequestOf(req, res, config);
    const id = String(req.params.id ?? '');
    const resource = await store.findById(id);
    if (!resource) throw new BeaconError('NOT_FOUND', `no catalog resource with id ${id}; list ids with GET /catalogs`);
    const principal = principalOf(res);
    const allowed = resourceGranularity(resource, principal, config);
    const asked = lowest(request.requestedGranularity, config.maxGranularity);
    const granularity = lowest(asked, allowed);
    // Lowered by this caller's access level: another caller may see the record.
    if (granularity !== asked) markPrivate(res);
    if (format !== 'json') {
      sendRecordsAs(res, format, granularity === 'record' ? [resource] : [], 1, granularity, config.publicUrl);
      return;
    }
    const choice = chooseItemSchema(request.requestedSchemas, new Set(), config.defaultSchema);
    const render = choice.schema === 'v1' ? renderV1Item : renderV2Item;
    const envelope = { identity: config, request, echoFilters: [], schema: choice.schema, granularity };
    const results = granularity === 'record' ? [render(resource)] : [];
    const lowered = granularity !== asked && choice.schema === 'v2';
    const info = lowered ? { notes: [accessNote(allowed, principal.kind === 'token')] } : undefined;
    res.json(queryResponse(envelope, { total: 1, results, ...(info ? { info } : {}) }));
  };
}
