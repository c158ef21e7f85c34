import path from 'node:path';

/**
 * Every setting in one table: its environment variable and the JSON Schema (with its
 * default) that validates it. `list` settings are split from one env string: on commas, or
 * on the path delimiter (`:`) for file lists. The README's configuration table is checked
 * against this table by a test.
 */
export interface Setting {
  env: string;
  list?: 'comma' | 'path';
  schema: Readonly<Record<string, unknown>>;
}

const ISO_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const FIXTURE_CATALOG = path.join(FIXTURES, 'catalog.json');
/** The shipped HPO and ORDO releases, loaded unless `ONTOLOGY_FILES=none`. */
const SHIPPED_ONTOLOGIES = ['hp.v2026-01-08.json.gz', 'ordo_en_4.2.owl.gz'].map((f) =>
  path.join(FIXTURES, 'ontologies', f),
);

export const SETTINGS = {
  port: { env: 'PORT', schema: { type: 'integer', minimum: 0, maximum: 65535, default: 3000 } },
  host: { env: 'HOST', schema: { type: 'string', default: '0.0.0.0' } },
  publicUrl: { env: 'PUBLIC_URL', schema: { type: 'string', pattern: '^https?://' } },
  catalogFile: { env: 'CATALOG_FILE', schema: { type: 'string', minLength: 1, default: FIXTURE_CATALOG } },
  mongodbUri: { env: 'MONGODB_URI', schema: { type: 'string', pattern: '^mongodb(\\+srv)?://' } },
  mongodbDatabase: { env: 'MONGODB_DATABASE', schema: { type: 'string', minLength: 1 } },
  mongodbCollection: { env: 'MONGODB_COLLECTION', schema: { type: 'string', minLength: 1 } },
  ontologyFiles: {
    env: 'ONTOLOGY_FILES',
    list: 'path',
    schema: { type: 'array', items: { type: 'string', minLength: 1 }, default: SHIPPED_ONTOLOGIES },
  },
  beaconId: { env: 'BEACON_ID', schema: { type: 'string', minLength: 1, default: 'org.example.beacon-catalog' } },
  beaconName: {
    env: 'BEACON_NAME',
    schema: { type: 'string', minLength: 1, default: 'beacon-catalog: rare-disease resource catalog' },
  },
  resultSetId: { env: 'RESULT_SET_ID', schema: { type: 'string', minLength: 1 } },
  defaultSchema: { env: 'DEFAULT_SCHEMA', schema: { enum: ['v1', 'v2'], default: 'v1' } },
  maxGranularity: { env: 'MAX_GRANULARITY', schema: { enum: ['boolean', 'count', 'record'], default: 'record' } },
  defaultGranularity: {
    env: 'DEFAULT_GRANULARITY',
    schema: { enum: ['boolean', 'count', 'record'], default: 'record' },
  },
  defaultLimit: { env: 'DEFAULT_LIMIT', schema: { type: 'integer', minimum: 1, default: 100 } },
  maxLimit: { env: 'MAX_LIMIT', schema: { type: 'integer', minimum: 1, default: 1000 } },
  includeDescendantTermsDefault: { env: 'INCLUDE_DESCENDANT_TERMS', schema: { type: 'boolean', default: false } },
  answerCacheMb: { env: 'ANSWER_CACHE_MB', schema: { type: 'integer', minimum: 0, default: 64 } },
  bodyLimitBytes: { env: 'BODY_LIMIT_BYTES', schema: { type: 'integer', minimum: 1024, default: 1048576 } },
  logLevel: {
    env: 'LOG_LEVEL',
    schema: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
  },
  environment: { env: 'BEACON_ENVIRONMENT', schema: { enum: ['prod', 'test', 'dev', 'staging'], default: 'dev' } },
  productionStatus: { env: 'PRODUCTION_STATUS', schema: { enum: ['DEV', 'TEST', 'PROD'], default: 'DEV' } },
  beaconDescription: {
    env: 'BEACON_DESCRIPTION',
    schema: {
      type: 'string',
      minLength: 1,
      default:
        'Beacon v2 catalog of rare-disease resources (biobanks, patient registries, datasets, guidelines) for the EJP-RD Virtual Platform.',
    },
  },
  organizationId: { env: 'ORGANIZATION_ID', schema: { type: 'string', minLength: 1, default: 'org.example' } },
  organizationName: {
    env: 'ORGANIZATION_NAME',
    schema: { type: 'string', minLength: 1, default: 'Example rare-disease organisation' },
  },
  welcomeUrl: { env: 'WELCOME_URL', schema: { type: 'string', pattern: '^https?://' } },
  contactUrl: { env: 'CONTACT_URL', schema: { type: 'string', pattern: '^(https?|mailto):' } },
  logoUrl: { env: 'LOGO_URL', schema: { type: 'string', pattern: '^https?://' } },
  createdAt: { env: 'BEACON_CREATED_AT', schema: { type: 'string', pattern: ISO_DATE_TIME } },
  updatedAt: { env: 'BEACON_UPDATED_AT', schema: { type: 'string', pattern: ISO_DATE_TIME } },
  corsOrigins: {
    env: 'CORS_ORIGINS',
    list: 'comma',
    schema: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, default: ['*'] },
  },
  cacheMaxAgeSeconds: { env: 'CACHE_MAX_AGE_SECONDS', schema: { type: 'integer', minimum: 0, default: 300 } },
  maxJsonDepth: { env: 'MAX_JSON_DEPTH', schema: { type: 'integer', minimum: 2, maximum: 1000, default: 32 } },
  maxFilters: { env: 'MAX_FILTERS', schema: { type: 'integer', minimum: 1, default: 64 } },
  maxValuesPerFilter: { env: 'MAX_VALUES_PER_FILTER', schema: { type: 'integer', minimum: 1, default: 100 } },
  maxStringLength: { env: 'MAX_STRING_LENGTH', schema: { type: 'integer', minimum: 16, default: 1000 } },
  maxTextScanChars: { env: 'MAX_TEXT_SCAN_CHARS', schema: { type: 'integer', minimum: 1000, default: 20000000 } },
  rateLimitPerMinute: { env: 'RATE_LIMIT_PER_MINUTE', schema: { type: 'integer', minimum: 0, default: 600 } },
  rateLimitExempt: {
    env: 'RATE_LIMIT_EXEMPT',
    list: 'comma',
    schema: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
    },
  },
  trustProxy: { env: 'TRUST_PROXY', schema: { type: 'string', default: '' } },
  maxConcurrentRequests: { env: 'MAX_CONCURRENT_REQUESTS', schema: { type: 'integer', minimum: 1, default: 32 } },
  maxQueuedRequests: { env: 'MAX_QUEUED_REQUESTS', schema: { type: 'integer', minimum: 0, default: 128 } },
  queueTimeoutMs: { env: 'QUEUE_TIMEOUT_MS', schema: { type: 'integer', minimum: 1, default: 1000 } },
  requestTimeoutMs: { env: 'REQUEST_TIMEOUT_MS', schema: { type: 'integer', minimum: 100, default: 4000 } },
  mongodbMaxTimeMs: { env: 'MONGODB_MAX_TIME_MS', schema: { type: 'integer', minimum: 1 } },
  shutdownGraceMs: { env: 'SHUTDOWN_GRACE_MS', schema: { type: 'integer', minimum: 0, default: 10000 } },
  keyFetchTimeoutMs: { env: 'KEY_FETCH_TIMEOUT_MS', schema: { type: 'integer', minimum: 1 } },
  authIssuer: { env: 'AUTH_ISSUER', schema: { type: 'string', minLength: 1 } },
  authJwksUri: { env: 'AUTH_JWKS_URI', schema: { type: 'string', pattern: '^https?://' } },
  authAudience: { env: 'AUTH_AUDIENCE', schema: { type: 'string', minLength: 1 } },
  visaJwksUris: {
    env: 'AUTH_VISA_JWKS_URIS',
    list: 'comma',
    schema: { type: 'array', items: { type: 'string', pattern: '^https?://' }, default: [] },
  },
  authKeys: {
    env: 'AUTH_KEYS',
    list: 'comma',
    schema: { type: 'array', items: { type: 'string', minLength: 16 }, default: [] },
  },
  registeredGranularity: {
    env: 'REGISTERED_GRANULARITY',
    schema: { enum: ['boolean', 'count', 'record'], default: 'count' },
  },
  controlledGranularity: {
    env: 'CONTROLLED_GRANULARITY',
    schema: { enum: ['boolean', 'count', 'record'], default: 'boolean' },
  },
} as const satisfies Record<string, Setting>;
