import { documentUrl } from '../harvest/document-links';
import type { SourceRecord } from './read-records';

function idOf(record: SourceRecord): string | undefined {
  const id = (record.item as Record<string, unknown>)['@id'];
  return typeof id === 'string' ? id : undefined;
}

/**
 * A resource described in several documents (a catalog repeating its datasets) is one
 * record: the one from the resource's own document (its IRI's URL), else the first found.
 */
export function onePerResource(records: readonly SourceRecord[], onNote: (line: string) => void): SourceRecord[] {
  const byId = new Map<string, SourceRecord>();
  const kept: SourceRecord[] = [];
  for (const record of records) {
    const id = idOf(record);
    const first = id === undefined ? undefined : byId.get(id);
    if (id === undefined || first === undefined) {
      if (id !== undefined) byId.set(id, record);
      kept.push(record);
      continue;
    }
    const own = record.source === documentUrl(id) ? record : first;
    onNote(`${id}: described in ${first.source} and ${record.source}; kept the description from ${own.source}`);
    if (own === record) kept[kept.indexOf(first)] = record;
    byId.set(id, own);
  }
  return kept;
}
