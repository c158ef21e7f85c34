import { normaliseItem } from '../catalog/normalise-item';
import { SharedValues } from '../catalog/shared-values';
import { validateCatalogItem } from '../catalog/validate-catalog-item';
import type { CatalogResource } from '../model/catalog-resource';
import type { SourceRecord } from './read-records';

/** A record that will not be loaded, and every reason why. */
export interface RejectedRecord {
  source: string;
  where: string;
  id?: string;
  problems: string[];
}

export interface CheckedRecords {
  resources: CatalogResource[];
  rejected: RejectedRecord[];
}

function idOf(item: unknown): string | undefined {
  const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)['@id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** `file:line 7 (https://…/r1): item.title must be string; …` */
export function describeRejected(r: RejectedRecord): string {
  // An RDF record's `where` is its IRI already.
  const named = r.id === undefined || r.where.includes(r.id) ? '' : ` (${r.id})`;
  return `${r.source}:${r.where}${named}: ${r.problems.join('; ')}`;
}

/**
 * Validates every record (schema, `@type`, dates, country, CURIEs) and the uniqueness of
 * `@id` across all inputs (the first of a pair is kept), then normalises the valid ones.
 */
export function checkRecords(records: readonly SourceRecord[], onRecord: () => void = () => undefined): CheckedRecords {
  const resources: CatalogResource[] = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Map<string, string>();
  const shared = new SharedValues();
  for (const record of records) {
    const id = idOf(record.item);
    const problems = [...(record.problems ?? []), ...validateCatalogItem(record.item)];
    const first = id === undefined ? undefined : seen.get(id);
    if (first !== undefined) problems.push(`duplicate @id, first seen at ${first}`);
    else if (id !== undefined) seen.set(id, `${record.source}:${record.where}`);
    if (problems.length > 0)
      rejected.push({ source: record.source, where: record.where, ...(id === undefined ? {} : { id }), problems });
    else resources.push(normaliseItem(record.item as Record<string, unknown>, shared));
    onRecord();
  }
  return { resources, rejected };
}
