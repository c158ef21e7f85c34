import { listsResultSet, resultSetHead, responseHead, type EnvelopeInput } from './envelope';

/** Drops the closing brace of an object's JSON text, so members can be appended. */
const open = (objectJson: string): string => objectJson.slice(0, -1);

/**
 * The JSON text of `queryResponse(input, outcome)` with each item already serialised:
 * the same bytes as `JSON.stringify` of the whole (the head is stringified as usual and
 * the items, which come last, are spliced in), without serialising the items again.
 */
export function queryResponseJson(
  input: EnvelopeInput,
  total: number,
  info: Record<string, unknown> | undefined,
  itemsJson: readonly string[],
): string {
  const head = JSON.stringify(responseHead(input, total, info));
  if (input.granularity !== 'record') return head;
  if (!listsResultSet(input.request, total)) return `${open(head)},"response":{"resultSets":[]}}`;
  const resultSet = open(JSON.stringify(resultSetHead(input, total, itemsJson.length)));
  return `${open(head)},"response":{"resultSets":[${resultSet},"results":[${itemsJson.join(',')}]}]}}`;
}
