import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from './app-deps';
import { BeaconError } from '../errors/beacon-error';
import { readRequestOf } from './read-catalog-request';
import { answerSingleEntry } from '../pipeline/answer-single-entry';
import { catalogAnswerJson } from '../pipeline/catalog-answer-json';
import { UNCACHED_ITEM_JSON } from '../render/item-json-by-schema';
import { negotiateCatalogFormat } from './negotiation';
import { sendRecordsAs } from './negotiation-send';
import { sendJsonText } from './send-json-text';
import { principalOf } from '../auth/principal';
import { singleEntryIds } from './single-entry-ids';

/**
 * `GET /catalogs/{id}` (and POST with a request body): one resource by its `@id`
 * (percent-encoded or raw in the path, see `singleEntryIds`). An id is an identifier filter, and identifier filters match
 * only records the caller may see as records (as `dct:identifier` on `/catalogs`): a
 * resource withheld from the caller is the same 404 as an unknown id, so the path cannot
 * confirm a guessed id either (see SECURITY.md).
 */
export function createSingleEntryHandler(deps: AppDeps): RequestHandler {
  const { config } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    // What an id shows depends on who asks, and a withheld id must look like an unknown one.
    res.vary('Authorization');
    res.vary('auth-key');
    const format = negotiateCatalogFormat(req);
    const request = readRequestOf(req, res, config);
    const ids = singleEntryIds(req.path);
    const answer = await answerSingleEntry(request, ids, principalOf(res), deps);
    if (!answer) {
      throw new BeaconError(
        'NOT_FOUND',
        `no catalog resource with id ${ids[0]} that your access level shows; list ids with GET /catalogs`,
      );
    }
    if (format !== 'json')
      return sendRecordsAs(res, format, answer.records, answer.total, answer.envelope.granularity, config.publicUrl);
    sendJsonText(req, res, catalogAnswerJson(answer, UNCACHED_ITEM_JSON));
  };
}
