import type { CatalogResource } from '../model/catalog-resource';
import { normaliseItem } from './normalise-item';
import { SharedValues } from './shared-values';
import { readCatalogFile } from './read-catalog-file';
import { validateCatalogItem } from './validate-catalog-item';

export interface ItemProblem {
  index: number;
  id?: string;
  problems: string[];
}

/** A catalog with invalid items: nothing of it is served; every bad item is listed. */
export class CatalogValidationError extends Error {
  override name = 'CatalogValidationError';

  constructor(
    readonly source: string,
    readonly items: readonly ItemProblem[],
  ) {
    const lines = items.map((i) => `  item ${i.index}${i.id ? ` (${i.id})` : ''}: ${i.problems.join('; ')}`);
    super(`${items.length} invalid item(s) in ${source}:\n${lines.join('\n')}`);
  }
}

function idOf(item: unknown): string | undefined {
  const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)['@id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Checks a catalog's items in order: each against the schema, and its `@id` against those before it. */
export class ItemChecker {
  /** @id -> index of the item that first had it. */
  private readonly seen = new Map<string, number>();
  private index = 0;

  /** The next item's problems; undefined when it is valid. */
  check(item: unknown): ItemProblem | undefined {
    const index = this.index++;
    const id = idOf(item);
    const problems = validateCatalogItem(item);
    const first = id === undefined ? undefined : this.seen.get(id);
    if (first !== undefined) problems.push(`duplicate @id, first seen at item ${first}`);
    else if (id !== undefined) this.seen.set(id, index);
    return problems.length > 0 ? { index, id, problems } : undefined;
  }
}

/** Validates every item, then normalises them all; one bad item rejects the catalog. */
export function normaliseCatalog(items: readonly unknown[], source: string): CatalogResource[] {
  const checker = new ItemChecker();
  const bad = items.map((item) => checker.check(item)).filter((problem) => problem !== undefined);
  if (bad.length > 0) throw new CatalogValidationError(source, bad);
  const shared = new SharedValues();
  return items.map((item) => normaliseItem(item as Record<string, unknown>, shared));
}

export function loadCatalogFile(file: string): CatalogResource[] {
  return normaliseCatalog(readCatalogFile(file), file);
}
