import type { CatalogResource } from '../model/catalog-resource';

export interface CatalogDifference {
  missing: string[];
  extra: string[];
  differing: { id: string; fields: string[] }[];
}

/** The fields two records state differently (records never carry the stores' `themeAncestors`). */
function fieldsThatDiffer(a: CatalogResource, b: CatalogResource): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const value = (r: CatalogResource, k: string): string => JSON.stringify((r as unknown as Record<string, unknown>)[k]);
  return keys.filter((k) => value(a, k) !== value(b, k)).sort();
}

/** What the store lacks (`missing`), holds beyond the manifest (`extra`), and holds differently. */
export function compareCatalogs(
  manifest: readonly CatalogResource[],
  stored: readonly CatalogResource[],
): CatalogDifference {
  const storedById = new Map(stored.map((r) => [r.id, r] as const));
  const manifestIds = new Set(manifest.map((r) => r.id));
  const missing: string[] = [];
  const differing: CatalogDifference['differing'] = [];
  for (const wanted of manifest) {
    const held = storedById.get(wanted.id);
    if (held === undefined) missing.push(wanted.id);
    else {
      const fields = fieldsThatDiffer(wanted, held);
      if (fields.length > 0) differing.push({ id: wanted.id, fields });
    }
  }
  const extra = stored.map((r) => r.id).filter((id) => !manifestIds.has(id));
  return { missing: missing.sort(), extra: extra.sort(), differing: differing.sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

export function isSame(difference: CatalogDifference): boolean {
  return difference.missing.length + difference.extra.length + difference.differing.length === 0;
}
