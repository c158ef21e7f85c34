import { queryResponseJson } from '../render/query-response-json';
import type { ItemJsonBySchema } from '../render/item-json-by-schema';
import type { CatalogAnswer } from './catalog-answer';

/** The answer as Beacon JSON text; each item's JSON comes from `itemJson` (the handlers' caches). */
export function catalogAnswerJson(answer: CatalogAnswer, itemJson: ItemJsonBySchema): string {
  const { envelope, records } = answer;
  return queryResponseJson(envelope, answer.total, answer.info, records.map(itemJson[envelope.schema]));
}
