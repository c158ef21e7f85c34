import fc from 'fast-check';

/** Strings an attacker or a confused client would send: unicode, regex and query metacharacters, huge. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '%',
    '%%',
    '%(a+)+$%',
    '.*.*.*.*.*.*.*.*!',
    '(a|aa)+',
    '[',
    '\\',
    '$where',
    '$ne',
    'a.b',
    '__proto__',
    'constructor',
    '\u0000',
    '\uD800',
    '😀'.repeat(50),
    'Orphanet_558',
  ),
  fc.constantFrom(
    'ordo:Orphanet_558',
    'Orphanet:558',
    'hp:0001250',
    'HP:0001250',
    'ejprd:Biobank',
    'dcat:Dataset',
    'country',
    'dct:spatial',
    'resourceTypes',
    'dct:title',
    'dct:identifier',
  ),
  fc.integer({ min: 900, max: 1100 }).map((n) => `%${'a'.repeat(n)}%`),
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 1.5, 1e9, 1e9 + 1),
);

/** Any JSON value, including wrong types where objects are expected. */
const anyJson = fc.oneof(nastyText, nastyNumber, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 4 }));

const filter = fc.oneof(
  fc.record(
    {
      id: fc.oneof(nastyText, fc.array(nastyText, { maxLength: 6 }), anyJson),
      operator: fc.oneof(fc.constantFrom('=', '!', '>', '<', '!=', '>=', 'like'), anyJson),
      value: fc.oneof(nastyText, fc.array(fc.oneof(nastyText, nastyNumber), { maxLength: 6 }), anyJson),
      includeDescendantTerms: fc.oneof(fc.boolean(), anyJson),
      similarity: fc.oneof(fc.constantFrom('exact', 'high', 'medium', 'low'), anyJson),
      scope: fc.oneof(fc.constantFrom('catalogs', 'individuals'), anyJson),
    },
    { requiredKeys: ['id'] },
  ),
  anyJson,
);

const meta = fc.record(
  {
    apiVersion: fc.oneof(fc.constantFrom('v0.2', 'v2.0.0', '2.0'), anyJson),
    requestedSchemas: fc.oneof(
      fc.constantFrom('ejprd-resources-v1.0.0', 'ejprd-resources-v2.0.0'),
      fc.array(fc.oneof(nastyText, fc.record({ schema: nastyText })), { maxLength: 3 }),
      anyJson,
    ),
    requestedGranularity: fc.oneof(fc.constantFrom('boolean', 'count', 'record', 'RECORD'), anyJson),
  },
  { requiredKeys: [] },
);

const query = fc.record(
  {
    filters: fc.oneof(fc.array(filter, { maxLength: 8 }), filter, anyJson),
    pagination: fc.oneof(
      fc.record({ skip: fc.oneof(nastyNumber, anyJson), limit: fc.oneof(nastyNumber, anyJson) }, { requiredKeys: [] }),
      anyJson,
    ),
    requestedGranularity: fc.oneof(fc.constantFrom('boolean', 'count', 'record'), anyJson),
    includeResultsetResponses: fc.oneof(fc.constantFrom('ALL', 'HIT', 'MISS', 'NONE', 'all'), anyJson),
    testMode: fc.oneof(fc.boolean(), anyJson),
    requestParameters: anyJson,
  },
  { requiredKeys: [] },
);

/** Deep nesting written as text, since generators cap depth on purpose. */
const deepBody = fc
  .tuple(fc.integer({ min: 20, max: 5000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => `{"query":{"filters":${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}}}`);

/** A POST body as JSON text: mostly plausible shapes with wrong parts, sometimes anything at all. */
export const adversarialBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ meta: fc.oneof(meta, anyJson), query: fc.oneof(query, anyJson) }, { requiredKeys: [] })
      .map((body) => JSON.stringify(body)),
  },
  { weight: 1, arbitrary: anyJson.map((body) => JSON.stringify(body)) },
  { weight: 1, arbitrary: deepBody },
);

/** A GET /catalogs query string built from nasty parts. */
export const adversarialQueryString = fc
  .record(
    {
      filters: fc.array(nastyText, { maxLength: 6 }).map((parts) => parts.join(',')),
      skip: fc.oneof(nastyNumber.map(String), nastyText),
      limit: fc.oneof(nastyNumber.map(String), nastyText),
      requestedSchema: nastyText,
      requestedGranularity: nastyText,
      testMode: nastyText,
    },
    { requiredKeys: [] },
  )
  .map((params) => new URLSearchParams(Object.entries(params)).toString());
