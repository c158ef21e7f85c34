import { parse } from 'csv-parse/sync';
import { EJPRD_CONTEXT_URL } from '../render/item-schemas';
import { MANIFEST_COLUMNS, MANIFEST_LIST_SEPARATOR, type ManifestColumn } from './read-manifest-columns';

/** A manifest that cannot be read as rows at all: unknown or missing columns, broken quoting. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

export type ManifestDelimiter = ',' | '\t';

/** One data row as a v2 item, with the line it starts on (the header is line 1). */
export interface ManifestRow {
  line: number;
  item: Record<string, unknown>;
}

/** Lists a v2 item always carries, even empty (as `renderV2Item` writes them). */
const ALWAYS_LISTS = new Set(['theme', 'language']);

function columnsOf(header: readonly string[], source: string): ManifestColumn[] {
  const byName = new Map(MANIFEST_COLUMNS.map((c) => [c.name, c] as const));
  const unknown = header.filter((name) => !byName.has(name));
  if (unknown.length > 0) throw new ManifestError(`${source}: line 1: unknown column(s) ${unknown.join(', ')}`);
  const repeated = header.filter((name, i) => header.indexOf(name) !== i);
  if (repeated.length > 0) throw new ManifestError(`${source}: line 1: repeated column(s) ${repeated.join(', ')}`);
  if (!header.includes('id')) throw new ManifestError(`${source}: line 1: the header has no "id" column`);
  return header.map((name) => byName.get(name) as ManifestColumn);
}

/** One row's cells -> a v2 item; an empty cell leaves its field out. */
export function manifestItem(columns: readonly ManifestColumn[], cells: readonly string[]): Record<string, unknown> {
  const item: Record<string, unknown> = { '@context': EJPRD_CONTEXT_URL };
  const publisher: Record<string, unknown> = {};
  let country: string | undefined;
  columns.forEach((column, i) => {
    const cell = cells[i] ?? '';
    const { target } = column;
    if ('item' in target && column.list && (cell !== '' || ALWAYS_LISTS.has(target.item))) {
      item[target.item] = cell === '' ? [] : cell.split(MANIFEST_LIST_SEPARATOR);
    } else if (cell === '') return;
    else if ('item' in target) item[target.item] = cell;
    else if ('publisher' in target) publisher[target.publisher] = cell;
    else country = cell;
  });
  const place = country === undefined ? undefined : { title: country };
  if (Object.keys(publisher).length > 0) item.publisher = place ? { ...publisher, spatial: place } : publisher;
  else if (place) item.spatial = place;
  return item;
}

function startLine(endLine: number, cells: readonly string[]): number {
  return endLine - cells.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
}

/**
 * A CSV or TSV manifest -> v2 items, one per row, parsed by csv-parse (RFC 4180 quoting;
 * a byte-order mark is dropped). The header names the columns (see `MANIFEST_COLUMNS`).
 */
export function readManifest(text: string, source: string, delimiter: ManifestDelimiter): ManifestRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_quotes: delimiter === '\t',
    }) as unknown as typeof records;
  } catch (error) {
    throw new ManifestError(`${source}: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new ManifestError(`${source}: the manifest is empty (no header)`);
  const columns = columnsOf(header.record, source);
  return rows.map(({ record, info }) => ({ line: startLine(info.lines, record), item: manifestItem(columns, record) }));
}
