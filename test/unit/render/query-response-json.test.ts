import { queryResponse, type EnvelopeInput } from '../../../src/render/envelope';
import { queryResponseJson } from '../../../src/render/query-response-json';
import { createItemJsonCache } from '../../../src/render/item-json-cache';
import { defaultCatalogRequest, type ResultsetInclusion } from '../../../src/request/catalog-request';
import type { Granularity } from '../../../src/model/granularity';
import { renderV1Item } from '../../../src/render/v1-item';
import { renderV2Item } from '../../../src/render/v2-item';
import { fixtureCatalog, testConfig } from '../../support/test-app';

const config = testConfig();

function input(
  granularity: Granularity,
  inclusion: ResultsetInclusion,
  schema: 'v1' | 'v2',
  testMode = false,
): EnvelopeInput {
  const request = { ...defaultCatalogRequest(config), includeResultsetResponses: inclusion, testMode };
  return {
    identity: config,
    request,
    echoFilters: ['ordo:Orphanet_558', 'weird "quoted" \u2028 filter'],
    schema,
    granularity,
  };
}

describe('queryResponseJson', () => {
  const granularities: Granularity[] = ['boolean', 'count', 'record'];
  const inclusions: ResultsetInclusion[] = ['ALL', 'HIT', 'MISS', 'NONE'];
  const cases = granularities.flatMap((g) =>
    inclusions.flatMap((i) => (['v1', 'v2'] as const).flatMap((s) => [0, 1, 3].map((n) => [g, i, s, n] as const))),
  );

  test.each(cases)(
    'when %s granularity, %s result sets, %s items and %i records, then the text is JSON.stringify of queryResponse',
    (granularity, inclusion, schema, n) => {
      const render = schema === 'v1' ? renderV1Item : renderV2Item;
      const records = fixtureCatalog().slice(0, n);
      const total = n === 0 ? 0 : n + 40;
      const info = n === 3 ? { warnings: { unsupportedFilters: ['x'] }, notes: ['a note'] } : undefined;
      const envelope = input(granularity, inclusion, schema, n === 1);
      const expected = JSON.stringify(queryResponse(envelope, { total, results: records.map(render), info }));
      const actual = queryResponseJson(
        envelope,
        total,
        info,
        records.map((r) => JSON.stringify(render(r))),
      );
      expect(actual).toBe(expected);
    },
  );
});

describe('createItemJsonCache', () => {
  test('when an object is rendered twice, then it is rendered once and the text is its JSON', () => {
    const [resource] = fixtureCatalog();
    const render = jest.fn(renderV2Item);
    const itemJson = createItemJsonCache(render, 10);
    expect(itemJson(resource!)).toBe(JSON.stringify(renderV2Item(resource!)));
    expect(itemJson(resource!)).toBe(JSON.stringify(renderV2Item(resource!)));
    expect(render).toHaveBeenCalledTimes(1);
  });

  test('when more objects than the capacity are rendered, then the oldest is rendered again and the rest are kept', () => {
    const [a, b, c] = fixtureCatalog();
    const render = jest.fn(renderV1Item);
    const itemJson = createItemJsonCache(render, 2);
    for (const resource of [a!, b!, c!, b!, c!, a!]) itemJson(resource);
    expect(render.mock.calls.map(([r]) => r)).toEqual([a, b, c, a]);
  });
});
