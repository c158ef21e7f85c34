import { parseArgs } from 'node:util';
import path from 'node:path';
import Ajv from 'ajv';

/**
 * The service's configuration: read once from the environment and the command line,
 * validated against a schema with defaults, then frozen and passed in. This module is
 * the only reader of `process.env`.
 */
export interface Config {
  port: number;
  host: string;
  /** Base of every absolute URL the service emits. */
  publicUrl: string;
  catalogFile: string;
  mongodbUri?: string;
  /** MongoDB database and collection of the catalog (default: the URI's database, `resources`). */
  mongodbDatabase?: string;
  mongodbCollection?: string;
  ontologyFiles: string[];
  beaconId: string;
  beaconName: string;
  /** `id` of the single result set; defaults to the beacon id. */
  resultSetId: string;
  /** Schema for requests that do not ask for one and use v1 filters or none. */
  defaultSchema: 'v1' | 'v2';
  maxGranularity: 'boolean' | 'count' | 'record';
  defaultGranularity: 'boolean' | 'count' | 'record';
  defaultLimit: number;
  maxLimit: number;
  includeDescendantTermsDefault: boolean;
  bodyLimitBytes: number;
  logLevel: string;
  /** `/info` and `/service-info`: deployment stage, description, organisation and URLs. */
  environment: 'prod' | 'test' | 'dev' | 'staging';
  productionStatus: 'DEV' | 'TEST' | 'PROD';
  beaconDescription: string;
  organizationId: string;
  organizationName: string;
  welcomeUrl?: string;
  contactUrl?: string;
  logoUrl?: string;
  /** ISO 8601 date-times. */
  createdAt?: string;
  updatedAt?: string;
  /** Origins allowed by CORS; `*` for any. */
  corsOrigins: string[];
  /** `Cache-Control: max-age` of informational responses. */
  cacheMaxAgeSeconds: number;
  /** Request limits (issue 6): each is answered with a Beacon error, never a crash. */
  maxJsonDepth: number;
  maxFilters: number;
  maxValuesPerFilter: number;
  maxStringLength: number;
  /** Requests per client per minute; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Client addresses never rate limited (loopback and aggregators). */
  rateLimitExempt: string[];
  /** Express `trust proxy` value (e.g. `loopback`, `10.0.0.0/8`); empty trusts no proxy. */
  trustProxy: string;
  maxConcurrentRequests: number;
  maxQueuedRequests: number;
  queueTimeoutMs: number;
  requestTimeoutMs: number;
  /** Server-side limit on every MongoDB read; below `requestTimeoutMs`, so the database stops first. */
  mongodbMaxTimeMs: number;
  shutdownGraceMs: number;
  /** Bearer JWT issuer, its JWKS and the audience tokens must name; tokens are refused when unset. */
  authIssuer?: string;
  authJwksUri?: string;
  authAudience?: string;
  /** JWKS URIs a passport visa's `jku` may name; visas are otherwise checked against `authJwksUri`. */
  visaJwksUris: string[];
  /** Legacy `auth-key` header values that make a caller registered. */
  authKeys: string[];
  /** Highest granularity shown for `registered` resources to anonymous callers. */
  registeredGranularity: 'boolean' | 'count' | 'record';
  /** Highest granularity shown for `controlled` resources without a grant. */
  controlledGranularity: 'boolean' | 'count' | 'record';
}

const ISO_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const FIXTURE_CATALOG = path.join(FIXTURES, 'catalog.json');
/** The shipped HPO and ORDO releases, loaded unless `ONTOLOGY_FILES=none`. */
const SHIPPED_ONTOLOGIES = ['hp.v2026-01-08.json.gz', 'ordo_en_4.2.owl.gz'].map((f) => path.join(FIXTURES, 'ontologies', f));

const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    port: { type: 'integer', minimum: 0, maximum: 65535, default: 3000 },
    host: { type: 'string', default: '0.0.0.0' },
    publicUrl: { type: 'string', pattern: '^https?://' },
    catalogFile: { type: 'string', minLength: 1, default: FIXTURE_CATALOG },
    mongodbUri: { type: 'string', pattern: '^mongodb(\\+srv)?://' },
    mongodbDatabase: { type: 'string', minLength: 1 },
    mongodbCollection: { type: 'string', minLength: 1 },
    ontologyFiles: { type: 'array', items: { type: 'string', minLength: 1 }, default: SHIPPED_ONTOLOGIES },
    beaconId: { type: 'string', minLength: 1, default: 'org.example.beacon-catalog' },
    beaconName: { type: 'string', minLength: 1, default: 'beacon-catalog: rare-disease resource catalog' },
    resultSetId: { type: 'string', minLength: 1 },
    defaultSchema: { enum: ['v1', 'v2'], default: 'v1' },
    maxGranularity: { enum: ['boolean', 'count', 'record'], default: 'record' },
    defaultGranularity: { enum: ['boolean', 'count', 'record'], default: 'record' },
    defaultLimit: { type: 'integer', minimum: 1, default: 100 },
    maxLimit: { type: 'integer', minimum: 1, default: 1000 },
    includeDescendantTermsDefault: { type: 'boolean', default: false },
    bodyLimitBytes: { type: 'integer', minimum: 1024, default: 1048576 },
    logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
    environment: { enum: ['prod', 'test', 'dev', 'staging'], default: 'dev' },
    productionStatus: { enum: ['DEV', 'TEST', 'PROD'], default: 'DEV' },
    beaconDescription: { type: 'string', minLength: 1, default: 'Beacon v2 catalog of rare-disease resources (biobanks, patient registries, datasets, guidelines) for the EJP-RD Virtual Platform.' },
    organizationId: { type: 'string', minLength: 1, default: 'org.example' },
    organizationName: { type: 'string', minLength: 1, default: 'Example rare-disease organisation' },
    welcomeUrl: { type: 'string', pattern: '^https?://' },
    contactUrl: { type: 'string', pattern: '^(https?|mailto):' },
    logoUrl: { type: 'string', pattern: '^https?://' },
    createdAt: { type: 'string', pattern: ISO_DATE_TIME },
    updatedAt: { type: 'string', pattern: ISO_DATE_TIME },
    corsOrigins: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, default: ['*'] },
    cacheMaxAgeSeconds: { type: 'integer', minimum: 0, default: 300 },
    maxJsonDepth: { type: 'integer', minimum: 2, maximum: 1000, default: 32 },
    maxFilters: { type: 'integer', minimum: 1, default: 64 },
    maxValuesPerFilter: { type: 'integer', minimum: 1, default: 100 },
    maxStringLength: { type: 'integer', minimum: 16, default: 1000 },
    rateLimitPerMinute: { type: 'integer', minimum: 0, default: 600 },
    rateLimitExempt: { type: 'array', items: { type: 'string', minLength: 1 }, default: ['127.0.0.1', '::1', '::ffff:127.0.0.1'] },
    trustProxy: { type: 'string', default: '' },
    maxConcurrentRequests: { type: 'integer', minimum: 1, default: 32 },
    maxQueuedRequests: { type: 'integer', minimum: 0, default: 128 },
    queueTimeoutMs: { type: 'integer', minimum: 1, default: 1000 },
    requestTimeoutMs: { type: 'integer', minimum: 100, default: 4000 },
    mongodbMaxTimeMs: { type: 'integer', minimum: 1 },
    shutdownGraceMs: { type: 'integer', minimum: 0, default: 10000 },
    authIssuer: { type: 'string', minLength: 1 },
    authJwksUri: { type: 'string', pattern: '^https?://' },
    authAudience: { type: 'string', minLength: 1 },
    visaJwksUris: { type: 'array', items: { type: 'string', pattern: '^https?://' }, default: [] },
    authKeys: { type: 'array', items: { type: 'string', minLength: 16 }, default: [] },
    registeredGranularity: { enum: ['boolean', 'count', 'record'], default: 'count' },
    controlledGranularity: { enum: ['boolean', 'count', 'record'], default: 'boolean' },
  },
} as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Source = Record<string, unknown>;

/** `none` turns the shipped ontologies off; otherwise a `:`-separated list of paths. */
function readOntologyFiles(value: string | undefined): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  return value.trim().toLowerCase() === 'none' ? [] : value.split(path.delimiter).filter(Boolean);
}

/** `a, b,c` -> ['a', 'b', 'c']; unset stays unset so the default applies. */
function commaList(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter(Boolean);
}

/** Environment variable names, beside the flags `--data`, `--port`, `--mongodb-uri`, `--ontology`. */
function fromEnv(env: NodeJS.ProcessEnv): Source {
  const pick: Source = {
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    catalogFile: env.CATALOG_FILE,
    mongodbUri: env.MONGODB_URI,
    mongodbDatabase: env.MONGODB_DATABASE,
    mongodbCollection: env.MONGODB_COLLECTION,
    ontologyFiles: readOntologyFiles(env.ONTOLOGY_FILES),
    beaconId: env.BEACON_ID,
    beaconName: env.BEACON_NAME,
    resultSetId: env.RESULT_SET_ID,
    defaultSchema: env.DEFAULT_SCHEMA,
    maxGranularity: env.MAX_GRANULARITY,
    defaultGranularity: env.DEFAULT_GRANULARITY,
    defaultLimit: env.DEFAULT_LIMIT,
    maxLimit: env.MAX_LIMIT,
    includeDescendantTermsDefault: env.INCLUDE_DESCENDANT_TERMS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    logLevel: env.LOG_LEVEL,
    environment: env.BEACON_ENVIRONMENT,
    productionStatus: env.PRODUCTION_STATUS,
    beaconDescription: env.BEACON_DESCRIPTION,
    organizationId: env.ORGANIZATION_ID,
    organizationName: env.ORGANIZATION_NAME,
    welcomeUrl: env.WELCOME_URL,
    contactUrl: env.CONTACT_URL,
    logoUrl: env.LOGO_URL,
    createdAt: env.BEACON_CREATED_AT,
    updatedAt: env.BEACON_UPDATED_AT,
    corsOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : undefined,
    cacheMaxAgeSeconds: env.CACHE_MAX_AGE_SECONDS,
    maxJsonDepth: env.MAX_JSON_DEPTH,
    maxFilters: env.MAX_FILTERS,
    maxValuesPerFilter: env.MAX_VALUES_PER_FILTER,
    maxStringLength: env.MAX_STRING_LENGTH,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    rateLimitExempt: commaList(env.RATE_LIMIT_EXEMPT),
    trustProxy: env.TRUST_PROXY,
    maxConcurrentRequests: env.MAX_CONCURRENT_REQUESTS,
    maxQueuedRequests: env.MAX_QUEUED_REQUESTS,
    queueTimeoutMs: env.QUEUE_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    mongodbMaxTimeMs: env.MONGODB_MAX_TIME_MS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    authIssuer: env.AUTH_ISSUER,
    authJwksUri: env.AUTH_JWKS_URI,
    authAudience: env.AUTH_AUDIENCE,
    visaJwksUris: commaList(env.AUTH_VISA_JWKS_URIS),
    authKeys: commaList(env.AUTH_KEYS),
    registeredGranularity: env.REGISTERED_GRANULARITY,
    controlledGranularity: env.CONTROLLED_GRANULARITY,
  };
  return pick;
}

function fromArgv(argv: readonly string[]): Source {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      'mongodb-uri': { type: 'string' },
      ontology: { type: 'string', multiple: true },
    },
    strict: true,
  });
  return { catalogFile: values.data, port: values.port, mongodbUri: values['mongodb-uri'], ontologyFiles: values.ontology };
}

function withoutUndefined(source: Source): Source {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
}

const validate = new Ajv({ useDefaults: true, coerceTypes: true, allErrors: true }).compile(CONFIG_SCHEMA);

const DEFAULT_MONGODB_MAX_TIME_MS = 3000;

/**
 * A MongoDB read must give up before the request timeout answers 503, or it goes on
 * using the database for a caller who has already been told no. Unset, the limit is
 * 3000 ms, or three quarters of a request timeout below 4000 ms; set, it must be below.
 */
function checkTimeouts(config: { mongodbMaxTimeMs?: number; requestTimeoutMs: number }): void {
  config.mongodbMaxTimeMs ??= Math.min(DEFAULT_MONGODB_MAX_TIME_MS, Math.floor((config.requestTimeoutMs * 3) / 4));
  if (config.mongodbMaxTimeMs >= config.requestTimeoutMs) {
    throw new ConfigError(
      `invalid configuration: MONGODB_MAX_TIME_MS (${config.mongodbMaxTimeMs}) must be below REQUEST_TIMEOUT_MS (${config.requestTimeoutMs}), so a MongoDB query stops before its request times out`,
    );
  }
}

/** Flags win over environment variables, which win over defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = {}, argv: readonly string[] = [], overrides: Partial<Config> = {}): Readonly<Config> {
  let flags: Source;
  try {
    flags = fromArgv(argv);
  } catch (error) {
    throw new ConfigError(`bad command line: ${(error as Error).message}`);
  }
  const merged = { ...withoutUndefined(fromEnv(env)), ...withoutUndefined(flags), ...withoutUndefined(overrides) };
  if (!validate(merged)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim());
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const config = merged as unknown as Config;
  checkTimeouts(config);
  config.publicUrl = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  config.resultSetId ??= config.beaconId;
  config.catalogFile = path.resolve(config.catalogFile);
  config.ontologyFiles = config.ontologyFiles.map((f) => path.resolve(f));
  return Object.freeze(config);
}
