import { answerSingleEntry } from '../../../src/pipeline/answer-single-entry';
import { readCatalogRequest } from '../../../src/request/catalog-request';
import { MemoryStore } from '../../../src/store/memory/memory-store';
import type { Config } from '../../../src/config/config';
import { testConfig } from '../../support/test-app';
import { ANONYMOUS_CALLER, byNumber, PIPELINE_CATALOG, REGISTERED_CALLER, V2_META } from './pipeline-catalog';

function setUp(overrides: Partial<Config> = {}) {
  const config = testConfig(overrides);
  return { config, deps: { config, store: new MemoryStore(PIPELINE_CATALOG) } };
}

describe('answerSingleEntry', () => {
  test('when the second candidate id names a public resource, then the answer is that record, echoing no filters', async () => {
    // Arrange
    const { config, deps } = setUp();
    const request = readCatalogRequest({ meta: V2_META }, config);

    // Act
    const answer = await answerSingleEntry(
      request,
      ['https://example.org/r/none', byNumber(1).id],
      ANONYMOUS_CALLER,
      deps,
    );

    // Assert
    expect(answer).toEqual({
      envelope: { identity: config, request, echoFilters: [], schema: 'v2', granularity: 'record' },
      total: 1,
      records: [byNumber(1)],
      info: undefined,
      withheld: false,
    });
  });

  test('when the resource is registered, then an anonymous caller gets nothing and a registered one the record', async () => {
    // Arrange
    const { config, deps } = setUp();
    const request = readCatalogRequest({}, config);
    const ids = [byNumber(3).id];

    // Act
    const anonymous = await answerSingleEntry(request, ids, ANONYMOUS_CALLER, deps);
    const registered = await answerSingleEntry(request, ids, REGISTERED_CALLER, deps);

    // Assert
    expect(anonymous).toBeUndefined();
    expect(registered?.records).toEqual([byNumber(3)]);
  });

  test('when MAX_GRANULARITY is count, then the answer counts the resource and lists none, as /catalogs would', async () => {
    // Arrange
    const { config, deps } = setUp({ maxGranularity: 'count' });
    const request = readCatalogRequest({ query: { requestedGranularity: 'record' } }, config);

    // Act
    const answer = await answerSingleEntry(request, [byNumber(1).id], ANONYMOUS_CALLER, deps);

    // Assert
    expect([answer?.envelope.granularity, answer?.total, answer?.records]).toEqual(['count', 1, []]);
  });

  test('when an unknown schema is asked and v2 is the default, then a note names it, as /catalogs would', async () => {
    // Arrange
    const { config, deps } = setUp({ defaultSchema: 'v2' });
    const request = readCatalogRequest({ meta: { requestedSchemas: ['ejprd-resources-v9.0.0'] } }, config);

    // Act
    const answer = await answerSingleEntry(request, [byNumber(1).id], ANONYMOUS_CALLER, deps);

    // Assert
    expect(answer?.info).toEqual({
      notes: ['requested schema(s) ejprd-resources-v9.0.0 not supported; answered in ejprd-resources-v2.0.0'],
    });
  });
});
