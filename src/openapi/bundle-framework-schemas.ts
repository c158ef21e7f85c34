import fs from 'node:fs';
import path from 'node:path';

/** The pinned beacon-v2 framework schemas (see `schemas/README.md`). */
export const FRAMEWORK_ROOT = path.join(__dirname, '..', '..', 'schemas', 'beacon-v2', 'framework', 'json');

/** `responses/beaconInfoResponse.json` -> `beacon.responses.beaconInfoResponse`, a valid component name. */
export function componentName(relativePath: string): string {
  return `beacon.${relativePath.replace(/\.json$/, '').replace(/[^A-Za-z0-9._-]/g, '.')}`;
}

type Json = unknown;

/** `$defs` names must be valid component-map keys too (`$schema` is not). */
const safeDefName = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_');
const safeFragment = (fragment: string): string =>
  fragment.replace(/\/\$defs\/([^/]+)/g, (_m, name: string) => `/$defs/${safeDefName(name)}`);

function rewrite(node: Json, file: string, pending: string[]): Json {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, file, pending));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const [target = '', fragment = ''] = value.split('#');
      const targetFile = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      if (target !== '') pending.push(targetFile);
      out[key] = `#/components/schemas/${componentName(targetFile)}${safeFragment(fragment)}`;
    } else if (key === '$defs' && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, def]) => [safeDefName(name), rewrite(def, file, pending)]),
      );
    } else {
      out[key] = rewrite(value, file, pending);
    }
  }
  return out;
}

/**
 * Copies the framework schemas reachable from `entries` into OpenAPI 3.1
 * `components.schemas`, rewriting every file and `#/$defs` reference to a component
 * pointer, so the document stands alone (no fetch, no files beside it).
 */
export function bundleFrameworkSchemas(entries: readonly string[]): Record<string, Json> {
  const schemas: Record<string, Json> = {};
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const name = componentName(file);
    if (name in schemas) continue;
    const raw = JSON.parse(fs.readFileSync(path.join(FRAMEWORK_ROOT, file), 'utf8')) as Record<string, Json>;
    // `version` (service-info) is document metadata, not a JSON Schema keyword.
    const { $schema: _dialect, $id: _id, version: _version, ...schema } = raw;
    schemas[name] = rewrite(schema, file, pending);
  }
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}
