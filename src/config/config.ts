import { parseArgs } from 'node:util';
import path from 'node:path';
import Ajv from 'ajv';
import { SETTINGS, type Setting } from './settings';

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
  /** Embedded store: MB kept of recent exact answers per catalog; 0 keeps none. */
  answerCacheMb: number;
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
  /** Embedded store: characters the `%` text filters of one query may scan; more is a 400. */
  maxTextScanChars: number;
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
  /** Deadline of each fetch of an issuer's or visa issuer's keys; below half the request timeout. */
  keyFetchTimeoutMs: number;
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

const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(Object.entries(SETTINGS).map(([name, setting]) => [name, setting.schema])),
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Source = Record<string, unknown>;

/** One env string -> the setting's raw value; `none` empties a path list (no ontologies). */
function readEnvValue(setting: Setting, raw: string | undefined): unknown {
  if (raw === undefined || raw === '' || !setting.list) return raw;
  if (setting.list === 'path')
    return raw.trim().toLowerCase() === 'none' ? [] : raw.split(path.delimiter).filter(Boolean);
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The environment variables of `SETTINGS`, beside the flags `--data`, `--port`, `--mongodb-uri`, `--ontology`. */
function fromEnv(env: NodeJS.ProcessEnv): Source {
  return Object.fromEntries(
    Object.entries(SETTINGS).map(([name, setting]: [string, Setting]) => [
      name,
      readEnvValue(setting, env[setting.env]),
    ]),
  );
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
  return {
    catalogFile: values.data,
    port: values.port,
    mongodbUri: values['mongodb-uri'],
    ontologyFiles: values.ontology,
  };
}

function withoutUndefined(source: Source): Source {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
}

const validate = new Ajv({ useDefaults: true, coerceTypes: true, allErrors: true }).compile(CONFIG_SCHEMA);

const DEFAULT_MONGODB_MAX_TIME_MS = 3000;
const DEFAULT_KEY_FETCH_TIMEOUT_MS = 1000;

/**
 * A MongoDB read must give up before the request timeout answers 503, or it goes on
 * using the database for a caller who has already been told no. Unset, the limit is
 * 3000 ms, or three quarters of a request timeout below 4000 ms; set, it must be below.
 * Key fetches likewise: unset, 1000 ms or a quarter of the request timeout.
 */
function checkTimeouts(config: {
  mongodbMaxTimeMs?: number;
  keyFetchTimeoutMs?: number;
  requestTimeoutMs: number;
}): void {
  config.mongodbMaxTimeMs ??= Math.min(DEFAULT_MONGODB_MAX_TIME_MS, Math.floor((config.requestTimeoutMs * 3) / 4));
  if (config.mongodbMaxTimeMs >= config.requestTimeoutMs) {
    throw new ConfigError(
      `invalid configuration: MONGODB_MAX_TIME_MS (${config.mongodbMaxTimeMs}) must be below REQUEST_TIMEOUT_MS (${config.requestTimeoutMs}), so a MongoDB query stops before its request times out`,
    );
  }
  // A token's issuer keys and then its visas' keys may each take this long, one after the other.
  config.keyFetchTimeoutMs ??= Math.min(DEFAULT_KEY_FETCH_TIMEOUT_MS, Math.floor(config.requestTimeoutMs / 4));
  if (config.keyFetchTimeoutMs * 2 >= config.requestTimeoutMs) {
    throw new ConfigError(
      `invalid configuration: KEY_FETCH_TIMEOUT_MS (${config.keyFetchTimeoutMs}) must be below half of REQUEST_TIMEOUT_MS (${config.requestTimeoutMs}), so a caller whose keys do not arrive is answered before its request times out`,
    );
  }
}

/** Flags win over environment variables, which win over defaults. */
export function loadConfig(
  env: NodeJS.ProcessEnv = {},
  argv: readonly string[] = [],
  overrides: Partial<Config> = {},
): Readonly<Config> {
  let flags: Source;
  try {
    flags = fromArgv(argv);
  } catch (error) {
    throw new ConfigError(`bad command line: ${(error as Error).message}`);
  }
  const merged = { ...withoutUndefined(fromEnv(env)), ...withoutUndefined(flags), ...withoutUndefined(overrides) };
  if (!validate(merged)) {
    // Name each problem by the variable an operator sets, not by the internal field.
    const envOf = (field: string): string => (SETTINGS as Record<string, Setting>)[field]?.env ?? (field || '(root)');
    const problems = (validate.errors ?? []).map((e) => `${envOf(e.instancePath.slice(1))} ${e.message ?? ''}`.trim());
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
