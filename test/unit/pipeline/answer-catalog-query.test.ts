import { answerCatalogQuery } from '../../../src/pipeline/answer-catalog-query';
import type { FilterOntology, ParsedFilters } from '../../../src/filters/filter-types';
import { readCatalogRequest } from '../../../src/request/catalog-request';
import { MemoryStore } from '../../../src/store/memory/memory-store';
import { BeaconError } from '../../../src/errors/beacon-error';
import type { Config } from '../../../src/config/config';
import { testConfig } from '../../support/test-app';
import { ANONYMOUS_CALLER, byNumber, PIPELINE_CATALOG, REGISTERED_CALLER, V2_META } from './pipeline-catalog';

const WITHHELD_AS_RECORDS =
  '1 matching resource(s) withheld as records: your access level allows only a count for them';
const YES_NO_ONLY = 'further matching resources are answered yes/no only at your access level';

function setUp(overrides: Partial<Config> = {}, ontology?: FilterOntology) {
  const config = testConfig(overrides);
  const store = new MemoryStore(PIPELINE_CATALOG);
  const read = (body: object) => readCatalogRequest(body, config);
  return { config, store, read, deps: { config, store, ...(ontology ? { ontology } : {}) } };
}

describe('answerCatalogQuery', () => {
  test('when a v2 request matches one public record, then the envelope echoes it and the answer is that record with no info', async () => {
    // Arrange
    const { config, read, deps } = setUp();
    const request = read({
      meta: V2_META,
      query: { filters: [{ id: 'rdf:type', operator: '=', value: 'ejprd:Biobank' }] },
    });

    // Act
    const answer = await answerCatalogQuery(request, ANONYMOUS_CALLER, deps);

    // Assert
    expect(answer).toEqual({
      envelope: {
        identity: config,
        request,
        echoFilters: ['rdf:type:=ejprd:Biobank'],
        schema: 'v2',
        granularity: 'record',
      },
      total: 1,
      records: [byNumber(2)],
      info: undefined,
      withheld: false,
    });
    expect(answer.envelope.identity).toBe(config);
  });

  test('when an anonymous caller matches tiered resources, then the page holds the public records, the total what it may count, and v2 notes say what was withheld', async () => {
    // Arrange
    const { read, deps } = setUp();
    const request = read({
      meta: V2_META,
      query: { filters: [{ id: 'ordo:Orphanet_558' }], pagination: { limit: 10 } },
    });

    // Act
    const answer = await answerCatalogQuery(request, ANONYMOUS_CALLER, deps);

    // Assert
    expect([answer.envelope.granularity, answer.total, answer.records, answer.info, answer.withheld]).toEqual([
      'record',
      3,
      [byNumber(1), byNumber(2)],
      { notes: [WITHHELD_AS_RECORDS, YES_NO_ONLY] },
      true,
    ]);
  });

  test('when the same tiered match is asked in v1, then the answer is still marked withheld but info carries no notes', async () => {
    // Arrange
    const { read, deps } = setUp();
    const request = read({ meta: { apiVersion: 'v0.2' }, query: { filters: [{ id: 'Orphanet_558' }] } });

    // Act
    const answer = await answerCatalogQuery(request, ANONYMOUS_CALLER, deps);

    // Assert
    expect([answer.envelope.schema, answer.total, answer.info, answer.withheld]).toEqual(['v1', 3, undefined, true]);
  });

  test('when MAX_GRANULARITY is count and records are asked, then the answer is a count with no records', async () => {
    // Arrange
    const { read, deps } = setUp({ maxGranularity: 'count' });
    const request = read({ meta: V2_META, query: { requestedGranularity: 'record' } });

    // Act
    const answer = await answerCatalogQuery(request, REGISTERED_CALLER, deps);

    // Assert
    expect([answer.envelope.granularity, answer.total, answer.records, answer.info]).toEqual([
      'count',
      4,
      [],
      { notes: [YES_NO_ONLY] },
    ]);
  });

  test('when an unknown schema is asked and a filter id is unknown, then v2 answers with the warning and a note naming the schema', async () => {
    // Arrange
    const { read, deps } = setUp();
    const request = read({
      meta: { requestedSchemas: ['ejprd-resources-v9.0.0'] },
      query: { filters: [{ id: 'rdf:type', operator: '=', value: 'ejprd:Biobank' }, { id: 'xyz:unknown' }] },
    });

    // Act
    const answer = await answerCatalogQuery(request, REGISTERED_CALLER, deps);

    // Assert
    expect([answer.envelope.schema, answer.envelope.echoFilters, answer.total, answer.info]).toEqual([
      'v2',
      ['rdf:type:=ejprd:Biobank', 'xyz:unknown'],
      1,
      {
        warnings: { unsupportedFilters: ['xyz:unknown'] },
        notes: ['requested schema(s) ejprd-resources-v9.0.0 not supported; answered in ejprd-resources-v2.0.0'],
      },
    ]);
  });

  test("when a filter names another vocabulary's theme the catalog holds, then the store's theme prefixes make it match", async () => {
    // Arrange
    const { read, deps } = setUp();
    const request = read({ meta: V2_META, query: { filters: [{ id: 'NCIT:C2991' }] } });

    // Act
    const answer = await answerCatalogQuery(request, ANONYMOUS_CALLER, deps);

    // Assert
    expect([answer.total, answer.records, answer.info]).toEqual([1, [byNumber(5)], undefined]);
  });

  test('when an ontology is given, then filters resolve through it and its note reaches info', async () => {
    // Arrange
    const ontology: FilterOntology = {
      resolve: (id) =>
        id === 'ordo:Orphanet_999' ? { id: 'ordo:Orphanet_558', replaced: { from: id, reason: 'alt_id' } } : { id },
      parents: () => [],
      children: () => [],
    };
    const { read, deps } = setUp({}, ontology);
    const request = read({ meta: V2_META, query: { filters: [{ id: 'ordo:Orphanet_999' }] } });

    // Act
    const answer = await answerCatalogQuery(request, REGISTERED_CALLER, deps);

    // Assert
    expect([answer.total, answer.info]).toEqual([
      3,
      { notes: ['ordo:Orphanet_999 is an alternative id; it was read as ordo:Orphanet_558', YES_NO_ONLY] },
    ]);
  });

  test('when the request has more filters than MAX_FILTERS, then it is refused with the configured limit', async () => {
    // Arrange
    const { read, deps } = setUp({ maxFilters: 1 });
    const request = read({ query: { filters: [{ id: 'Orphanet_558' }, { id: 'Orphanet_586' }] } });

    // Act
    const answering = answerCatalogQuery(request, ANONYMOUS_CALLER, deps);

    // Assert
    await expect(answering).rejects.toThrow(BeaconError);
    await expect(answering).rejects.toThrow('query.filters has more than 1 filters');
  });

  test('when the store fails, then onParsed has already seen the filters, so an error answer can echo them', async () => {
    // Arrange
    const { store, read, deps } = setUp();
    const seen: { echo: string[]; findsBefore: number }[] = [];
    const find = jest.spyOn(store, 'find').mockRejectedValue(new Error('store down'));
    const request = read({ query: { filters: [{ id: 'Orphanet_558' }] } });

    // Act
    const answering = answerCatalogQuery(request, ANONYMOUS_CALLER, deps, (filters: ParsedFilters) =>
      seen.push({ echo: filters.echo, findsBefore: find.mock.calls.length }),
    );

    // Assert
    await expect(answering).rejects.toThrow('store down');
    expect(seen).toEqual([{ echo: ['Orphanet_558'], findsBefore: 0 }]);
  });
});
