/**
 * The MongoDB store over the wire: against a real MongoDB when MONGODB_URI is set, else
 * against the MockupDB + mongomock bridge (test/support/mongo-wire-server.py). Expected
 * answers come from `mingo`, the embedded store's engine, run on the same query documents.
 */
import { Query } from 'mingo';
import { MongoClient } from 'mongodb';
import type { CatalogResource } from '../../src/model/catalog-resource';
import type { CatalogStore, FindResult, ResultWindow } from '../../src/store/catalog-store';
import type { QueryDocument } from '../../src/query/query-document';
import { openMongoStore } from '../../src/store/mongodb/mongo-store';
import { mongoTestTarget, releaseMongoTestTarget, type MongoTestTarget } from '../support/mongo-test-target';
import { syntheticCatalog, syntheticThemeClosure, withThemeAncestors } from '../support/synthetic-catalog';

const CATALOG = syntheticCatalog(30);
const ALL: ResultWindow = { offset: 0, limit: 100 };

let target: MongoTestTarget;
let store: CatalogStore;
let admin: MongoClient;

beforeAll(async () => {
  target = await mongoTestTarget('store');
  store = await openMongoStore({ uri: target.uri, database: target.database, serverSelectionTimeoutMS: 3000 });
  admin = new MongoClient(target.uri, { serverSelectionTimeoutMS: 3000 });
  await store.replaceAll(CATALOG, { themeClosure: syntheticThemeClosure });
});

afterAll(async () => {
  await releaseMongoTestTarget(target, admin, store);
});

const byId = (a: CatalogResource, b: CatalogResource): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What the embedded store answers: mingo over the catalog with its themes' closures, sorted by id, windowed. */
function expected(query: QueryDocument, window: ResultWindow, catalog = CATALOG): FindResult {
  const compiled = new Query(query);
  const matches = catalog
    .filter((resource) => compiled.test(withThemeAncestors(resource) as unknown as Record<string, unknown>))
    .sort(byId);
  return { total: matches.length, records: matches.slice(window.offset, window.offset + window.limit) };
}

const QUERIES: [string, QueryDocument][] = [
  ['$in on type', { type: { $in: ['ejprd:Biobank'] } }],
  ['$in of two types', { type: { $in: ['ejprd:Biobank', 'dcat:Dataset'] } }],
  ['$in on country', { country: { $in: ['GR', 'NL'] } }],
  ['$in on themes', { themes: { $in: ['hp:0000118'] } }],
  ['$in on themeAncestors (a theme with descendants)', { themeAncestors: { $in: ['ordo:Orphanet_10'] } }],
  ['an anchored case-insensitive $regex on title', { title: { $regex: '^rare', $options: 'i' } }],
  [
    'a $regex with a space and an escaped parenthesis',
    { title: { $regex: '^registry of resource 3 \\(gen', $options: 'i' } },
  ],
  [
    '$and of type, themeAncestors and country',
    {
      $and: [
        { type: { $in: ['ejprd:Biobank', 'ejprd:PatientRegistry'] } },
        { themeAncestors: { $in: ['ordo:Orphanet_1'] } },
        { country: { $in: ['DE', 'FR', 'IT'] } },
      ],
    },
  ],
  [
    '$and of a $regex and $in',
    { $and: [{ title: { $regex: '^european', $options: 'i' } }, { themes: { $in: ['ordo:Orphanet_20'] } }] },
  ],
  ['$nin on type', { type: { $nin: ['ejprd:Biobank', 'ejprd:Guideline'] } }],
  ['$nin on country (records with no country match too)', { country: { $nin: ['DE'] } }],
  ['$not of $in on themes', { themes: { $not: { $in: ['hp:0000118'] } } }],
  // mongomock rejects $options inside $not ("unknown operator: $options"); MongoDB accepts it.
  // The bridge compiles {$regex, $options} before mongomock sees it.
  ['$not of a case-insensitive $regex', { title: { $not: { $regex: '^rare', $options: 'i' } } }],
  [
    '$or of two $in (one filter group)',
    { $or: [{ type: { $in: ['ejprd:Guideline'] } }, { country: { $in: ['IT'] } }] },
  ],
  [
    '$nor of two regexes (a negated pattern)',
    { $nor: [{ title: { $regex: '^rare', $options: 'i' } }, { title: { $regex: '^alpha', $options: 'i' } }] },
  ],
  [
    'a % wildcard as [\\s\\S]* with escaped parentheses',
    { title: { $regex: '^rare resource 1[\\s\\S]*\\(gen 1\\)$', $options: 'i' } },
  ],
  [
    'escaped / and . on id',
    { id: { $regex: '^https:\\/\\/example\\.org\\/g1\\/resource\\/0[\\s\\S]*$', $options: 'i' } },
  ],
  ['$in on id', { id: { $in: [CATALOG[3]?.id, CATALOG[17]?.id, 'https://example.org/none'] } }],
];

describe('MongoDB store: find', () => {
  test('when the query is empty, then every record counts and the window is the first records by id', async () => {
    const result = await store.find({}, { offset: 0, limit: 10 }, true);

    expect(result.total).toBe(CATALOG.length);
    expect(result.records).toStrictEqual(expected({}, { offset: 0, limit: 10 }).records);
  });

  test.each(QUERIES)('when the query is %s, then it answers like the embedded store', async (_, query) => {
    const want = expected(query, ALL);

    const result = await store.find(query, ALL, true);

    expect(want.total).toBeGreaterThan(0);
    expect(want.total).toBeLessThan(CATALOG.length);
    expect(result).toStrictEqual(want);
  });

  test('when the title regex is anchored and case-insensitive, then both spellings match and only at the start', async () => {
    const result = await store.find({ title: { $regex: '^rare', $options: 'i' } }, ALL, true);

    const titles = result.records.map((record) => record.title.split(' ')[0]);
    expect(new Set(titles)).toStrictEqual(new Set(['Rare', 'rare']));
    expect(result.total).toBe(10);
  });

  test.each([
    [0, 5],
    [5, 5],
    [25, 10],
    [29, 1],
    [30, 10],
    [100, 10],
  ])(
    'when the window is offset %i limit %i, then total counts every match and records are that slice',
    async (offset, limit) => {
      const window = { offset, limit };

      const result = await store.find({}, window, true);

      expect(result).toStrictEqual(expected({}, window));
    },
  );

  test('when records are returned, then they are sorted by id and carry no _id', async () => {
    const { records } = await store.find({ country: { $in: ['DE', 'FR'] } }, ALL, true);

    const ids = records.map((record) => record.id);
    expect(ids).toStrictEqual([...ids].sort());
    expect(records.every((record) => !('_id' in record))).toBe(true);
  });

  test('when records are not asked for, then only the total comes back', async () => {
    const result = await store.find({ type: { $in: ['dcat:Dataset'] } }, { offset: 0, limit: 10 }, false);

    expect(result).toStrictEqual({ total: expected({ type: { $in: ['dcat:Dataset'] } }, ALL).total, records: [] });
  });

  test('when the limit is 0, then the total is counted and no record comes back', async () => {
    const result = await store.find({}, { offset: 0, limit: 0 }, true);

    expect(result).toStrictEqual({ total: CATALOG.length, records: [] });
  });

  test('when nothing matches, then the total is 0 and there are no records', async () => {
    const result = await store.find({ country: { $in: ['ZZ'] } }, ALL, true);

    expect(result).toStrictEqual({ total: 0, records: [] });
  });
});

describe('MongoDB store: findById, terms, indexes', () => {
  test('when the id exists, then the whole resource comes back without _id', async () => {
    const resource = CATALOG[7];

    const found = await store.findById(resource?.id ?? '');

    expect(found).toStrictEqual(resource);
  });

  test('when the id does not exist, then the answer is undefined', async () => {
    await expect(store.findById('https://example.org/none')).resolves.toBeUndefined();
  });

  // mongomock's distinct answers in insertion order; MongoDB's order is unspecified (index
  // order in practice). The store sorts, so both give the same answer.
  test('when terms are asked for, then each field gives its distinct values sorted', async () => {
    const terms = await store.terms();

    expect(terms).toStrictEqual({
      themes: [...new Set(CATALOG.flatMap((r) => r.themes))].sort(),
      types: [...new Set(CATALOG.map((r) => r.type))].sort(),
      countries: [...new Set(CATALOG.flatMap((r) => (r.country === undefined ? [] : [r.country])))].sort(),
    });
  });

  test('when the catalog is loaded, then listIndexes shows unique id and the filtered fields', async () => {
    const indexes = await admin.db(target.database).collection('resources').indexes();

    const keys = indexes.map((index) => Object.keys(index.key).join(','));
    expect(keys).toEqual(expect.arrayContaining(['id', 'type', 'country', 'themes', 'themeAncestors', 'title']));
    expect(indexes.find((index) => index.key.id === 1)?.unique).toBe(true);
  });

  // mongomock's $count emits {n: 0} for no input; MongoDB emits no document. The bridge
  // patches mongomock to MongoDB's behaviour, and the store reads a missing count as 0.
  test('when $count sees no document, then it emits no document (as MongoDB does)', async () => {
    const collection = admin.db(target.database).collection('resources');

    const output = await collection.aggregate([{ $match: { id: 'none' } }, { $count: 'n' }]).toArray();

    expect(output).toStrictEqual([]);
  });
});
