import fs from 'node:fs';
import path from 'node:path';
import { itemsOf } from '../catalog/read-catalog-file';
import { readManifest } from '../catalog/read-manifest';
import { streamJsonItems } from '../catalog/stream-json-items';
import { InputError } from './cli-errors';

/** One input record and where it came from: `line 7` of a manifest, `index 3` of a JSON file. */
export interface SourceRecord {
  source: string;
  where: string;
  item: unknown;
}

export const INPUT_FORMATS = ['json', 'ndjson', 'csv', 'tsv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** By extension: `.csv`, `.tsv`/`.tab`, `.ndjson`/`.jsonl`; anything else is JSON (an array or a `@graph` document). */
export function inputFormatOf(file: string): InputFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  return 'json';
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${(error as Error).message}`);
  }
}

/**
 * The first byte that is not JSON whitespace; undefined for an empty file, and for a pipe
 * (`/dev/stdin`), whose bytes a peek would consume.
 */
function firstByte(file: string): number | undefined {
  let fd: number;
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${(error as Error).message}`);
  }
  try {
    const head = Buffer.alloc(64 * 1024);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, read).find((b) => b !== 32 && b !== 10 && b !== 13 && b !== 9);
  } finally {
    fs.closeSync(fd);
  }
}

/** A JSON-LD `@graph` document is read whole (its `@context` applies to every item). */
function readJsonDocument(file: string): SourceRecord[] {
  let document: unknown;
  try {
    document = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return itemsOf(document, file).map((item, index) => ({ source: file, where: `index ${index}`, item }));
}

/** Item by item: no file is too long for one string, and no count of records too many. */
async function readStreamed(file: string, problem: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  try {
    for await (const item of streamJsonItems(file))
      records.push({ source: file, where: `index ${records.length}`, item });
  } catch (error) {
    throw new InputError(`${file}: ${problem}${(error as Error).message}`);
  }
  return records;
}

/** Every record of one input file, in file order; a file that cannot be read at all throws. */
export async function readRecords(file: string): Promise<SourceRecord[]> {
  const format = inputFormatOf(file);
  if (format === 'ndjson') return readStreamed(file, '');
  // A top-level array streams; anything else (a `@graph` document, not JSON) is read whole.
  if (format === 'json')
    return firstByte(file) === 0x5b ? readStreamed(file, 'not valid JSON: ') : readJsonDocument(file);
  const rows = readManifest(readText(file), file, format === 'tsv' ? '\t' : ',');
  return rows.map(({ line, item }) => ({ source: file, where: `line ${line}`, item }));
}
