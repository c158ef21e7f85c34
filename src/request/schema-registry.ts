import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft07, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The pinned schemas in `schemas/`, compiled once per process. Nothing is fetched: every
 * `$ref` resolves to a file on disk (see `schemas/README.md` for sources and the few
 * documented patches to the EJP-RD item schemas).
 */
const SCHEMA_ROOT = path.join(__dirname, '..', '..', 'schemas');
const BEACON_ROOT = path.join(SCHEMA_ROOT, 'beacon-v2', 'framework', 'json');
const BEACON_BASE = 'https://schemas.beacon-catalog.invalid/beacon-v2/framework/json/';
const EJPRD_BASE = 'https://schemas.beacon-catalog.invalid/ejprd/';
/** The remote URL the EJP-RD v2 schemas name for the CURIE definition. */
const REMOTE_COMMON =
  'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/framework/json/common/beaconCommonComponents.json';

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function listJsonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listJsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

function createBeaconAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of listJsonFiles(BEACON_ROOT)) {
    const schema = readJson(file);
    schema.$id = BEACON_BASE + path.relative(BEACON_ROOT, file).split(path.sep).join('/');
    ajv.addSchema(schema);
  }
  return ajv;
}

function createEjprdAjv(): AjvDraft07 {
  const ajv = new AjvDraft07({ strict: false, allErrors: true });
  addFormats(ajv);
  const common = readJson(path.join(BEACON_ROOT, 'common', 'beaconCommonComponents.json'));
  const curie = (common.$defs as Record<string, unknown>).CURIE;
  ajv.addSchema({ $id: REMOTE_COMMON, definitions: { CURIE: curie } });
  for (const version of ['1.0.0', '2.0.0']) {
    const dir = path.join(SCHEMA_ROOT, 'ejprd', version);
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const schema = readJson(path.join(dir, name));
      schema.$id = `${EJPRD_BASE}${version}/${name}`;
      ajv.addSchema(schema);
    }
  }
  return ajv;
}

let beaconAjv: Ajv2020 | undefined;
let ejprdAjv: AjvDraft07 | undefined;

/** A validator for a beacon-v2 framework schema, by path below `framework/json/`. */
export function beaconSchemaValidator(relativePath: string): ValidateFunction {
  beaconAjv ??= createBeaconAjv();
  const validate = beaconAjv.getSchema(BEACON_BASE + relativePath);
  if (!validate) throw new Error(`no pinned beacon-v2 schema at ${relativePath}`);
  return validate;
}

/** A validator for an EJP-RD item schema, e.g. `2.0.0/ejprd-resources-v2.0.0.json`. */
export function ejprdSchemaValidator(relativePath: string): ValidateFunction {
  ejprdAjv ??= createEjprdAjv();
  const validate = ejprdAjv.getSchema(EJPRD_BASE + relativePath);
  if (!validate) throw new Error(`no pinned EJP-RD schema at ${relativePath}`);
  return validate;
}

/** One line per ajv error, with a dotted path a client can find in its own JSON. */
export function describeSchemaErrors(validate: ValidateFunction, root: string): string[] {
  return (validate.errors ?? []).map((error) => {
    const where = root + error.instancePath.replace(/\//g, '.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    if (error.keyword === 'type') return `${where} must be ${String(error.params.type).split(',').join(' or ')}`;
    const allowed = 'allowedValues' in error.params ? `: ${(error.params.allowedValues as unknown[]).join(', ')}` : '';
    return `${where} ${error.message ?? 'is invalid'}${allowed}`;
  });
}
