import { parseArgs } from 'node:util';
import { UsageError } from './cli-errors';

/** Where a catalog lives: the embedded store's file, or a MongoDB collection. */
export type CatalogLocation =
  | { kind: 'file'; file: string }
  | { kind: 'mongodb'; uri: string; database?: string; collection?: string };

export const EXPORT_FORMATS = ['json', 'jsonld', 'csv', 'tsv', 'ttl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type CliCommand =
  | {
      command: 'load';
      files: string[];
      target: CatalogLocation;
      skipInvalid: boolean;
      upsert: boolean;
      ontologies?: string[];
    }
  | ({
      command: 'harvest';
      url: string;
      target: CatalogLocation;
      skipInvalid: boolean;
      upsert: boolean;
      ontologies?: string[];
    } & HarvestLimits)
  | { command: 'verify'; files: string[]; store: CatalogLocation }
  | { command: 'export'; format: ExportFormat; store: CatalogLocation; out?: string }
  | { command: 'help' };

/** How far and how fast `harvest` crawls. */
export interface HarvestLimits {
  maxDocuments: number;
  timeoutMs: number;
  concurrency: number;
}

export const HARVEST_DEFAULTS: HarvestLimits = { maxDocuments: 1000, timeoutMs: 10_000, concurrency: 4 };

export const USAGE = `Usage:
  beacon-catalog load FILE... (--out FILE | --mongodb-uri URI [--database DB] [--collection NAME])
                 [--skip-invalid] [--upsert] [--ontology FILE]...
  beacon-catalog harvest URL (--out FILE | --mongodb-uri URI [--database DB] [--collection NAME])
                 [--skip-invalid] [--upsert] [--ontology FILE]... [--max-documents N (1000)]
                 [--timeout MS (10000, per request)] [--concurrency N (4)]
  beacon-catalog verify FILE... (--data FILE | --mongodb-uri URI [--database DB] [--collection NAME])
  beacon-catalog export --format json|jsonld|csv|tsv|ttl (--data FILE | --mongodb-uri URI ...) [--out FILE]
Inputs: JSON arrays of v2 items, JSON-LD @graph documents, NDJSON, CSV/TSV manifests, RDF in the EJP-RD
        model, the EJP RD metadata template (.xlsx, or its sheets as .tsv/.csv loaded together) (see README);
        harvest crawls a FAIR Data Point from its root URL.
Exit codes: 0 done, 1 input refused or verify found differences, 2 usage, 3 store or file failure,
            4 another load holds the target's lock, 5 harvest source unreachable (its root).
`;

const OPTIONS = {
  out: { type: 'string' },
  data: { type: 'string' },
  'mongodb-uri': { type: 'string' },
  database: { type: 'string' },
  collection: { type: 'string' },
  'skip-invalid': { type: 'boolean', default: false },
  upsert: { type: 'boolean', default: false },
  ontology: { type: 'string', multiple: true },
  format: { type: 'string' },
  'max-documents': { type: 'string' },
  timeout: { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

function mongo(values: Values): CatalogLocation | undefined {
  const uri = values['mongodb-uri'];
  if (uri === undefined) return undefined;
  return {
    kind: 'mongodb',
    uri,
    ...(values.database ? { database: values.database } : {}),
    ...(values.collection ? { collection: values.collection } : {}),
  };
}

/** Exactly one of a file flag (`--out` for load, `--data` otherwise) and `--mongodb-uri`. */
function location(values: Values, fileFlag: 'out' | 'data'): CatalogLocation {
  const file = values[fileFlag];
  const db = mongo(values);
  if ((file === undefined) === (db === undefined))
    throw new UsageError(`give exactly one of --${fileFlag} FILE and --mongodb-uri URI`);
  return db ?? { kind: 'file', file: file as string };
}

function allow(values: Values, command: string, allowed: readonly (keyof Values)[]): void {
  const given = (Object.keys(values) as (keyof Values)[]).filter((k) => values[k] !== undefined && values[k] !== false);
  const stray = given.filter((k) => !allowed.includes(k));
  if (stray.length > 0) throw new UsageError(`${command} does not take --${stray.join(', --')}`);
}

const STORE_FLAGS = ['mongodb-uri', 'database', 'collection'] as const;

function positiveInteger(values: Values, flag: 'max-documents' | 'timeout' | 'concurrency', fallback: number): number {
  const text = values[flag];
  if (text === undefined) return fallback;
  if (!/^[1-9][0-9]{0,8}$/.test(text)) throw new UsageError(`--${flag} must be a positive integer, not "${text}"`);
  return Number(text);
}

function harvestCommand(values: Values, rest: readonly string[]): CliCommand {
  allow(values, 'harvest', [
    'out',
    ...STORE_FLAGS,
    'skip-invalid',
    'upsert',
    'ontology',
    'max-documents',
    'timeout',
    'concurrency',
  ]);
  const url = rest[0];
  if (rest.length !== 1 || url === undefined || !/^https?:\/\/./i.test(url))
    throw new UsageError('harvest needs exactly one http(s) URL');
  return {
    command: 'harvest',
    url,
    target: location(values, 'out'),
    skipInvalid: values['skip-invalid'],
    upsert: values.upsert,
    ...(values.ontology ? { ontologies: values.ontology } : {}),
    maxDocuments: positiveInteger(values, 'max-documents', HARVEST_DEFAULTS.maxDocuments),
    timeoutMs: positiveInteger(values, 'timeout', HARVEST_DEFAULTS.timeoutMs),
    concurrency: positiveInteger(values, 'concurrency', HARVEST_DEFAULTS.concurrency),
  };
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  if (command === 'load') {
    allow(values, command, ['out', ...STORE_FLAGS, 'skip-invalid', 'upsert', 'ontology']);
    if (rest.length === 0) throw new UsageError('load needs at least one FILE');
    const target = location(values, 'out');
    return {
      command,
      files: rest,
      target,
      skipInvalid: values['skip-invalid'],
      upsert: values.upsert,
      ...(values.ontology ? { ontologies: values.ontology } : {}),
    };
  }
  if (command === 'harvest') return harvestCommand(values, rest);
  if (command === 'verify') {
    allow(values, command, ['data', ...STORE_FLAGS]);
    if (rest.length === 0) throw new UsageError('verify needs at least one FILE');
    return { command, files: rest, store: location(values, 'data') };
  }
  if (command === 'export') {
    allow(values, command, ['data', ...STORE_FLAGS, 'format', 'out']);
    if (rest.length > 0) throw new UsageError('export takes no FILE (use --out FILE)');
    const format = EXPORT_FORMATS.find((f) => f === values.format);
    if (format === undefined) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    return { command, format, store: location(values, 'data'), ...(values.out ? { out: values.out } : {}) };
  }
  throw new UsageError(`unknown command "${command}"`);
}
