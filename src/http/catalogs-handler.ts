import type { Request, Response } from 'express';
import type { AppDeps } from './app-deps';
import { readRequestOf } from './read-catalog-request';
import { answerCatalogQuery } from '../pipeline/answer-catalog-query';
import { catalogAnswerJson } from '../pipeline/catalog-answer-json';
import { createItemJsonBySchema } from '../render/item-json-by-schema';
import { principalOf } from '../auth/principal';
import { negotiateCatalogFormat } from './negotiation';
import { sendRecordsAs } from './negotiation-send';
import { sendJsonText } from './send-json-text';
import { markPrivate } from './mark-private';

/** POST and GET /catalogs: negotiate -> read the request -> answer it (src/pipeline/) -> render -> send. */
export function createCatalogsHandler(deps: AppDeps) {
  const { config } = deps;
  const itemJson = createItemJsonBySchema();
  return async (req: Request, res: Response): Promise<void> => {
    const format = negotiateCatalogFormat(req);
    const request = readRequestOf(req, res, config);
    const answer = await answerCatalogQuery(request, principalOf(res), deps, (filters) => {
      res.locals.echoFilters = filters.echo;
    });
    // Something was withheld at this caller's access level: another caller may see more.
    if (answer.withheld) markPrivate(res);
    if (format !== 'json')
      return sendRecordsAs(res, format, answer.records, answer.total, answer.envelope.granularity, config.publicUrl);
    sendJsonText(req, res, catalogAnswerJson(answer, itemJson));
  };
}
