import fs from 'node:fs';
import path from 'node:path';
import { itemsOf } from '../catalog/read-catalog-file';
import { readManifest } from '../catalog/read-manifest';
import { streamJsonItems } from '../catalog/stream-json-items';
import type { RdfFormat } from '../onboarding/parse-rdf';
import { EJPRD_CONTEXT_URL } from '../render/item-schemas';
import { InputError } from './cli-errors';
import { readRdfRecords } from './read-rdf-records';

/** One input record and where it came from: `line 7` of a manifest, `index 3` of a JSON file. */
export interface SourceRecord {
  source: string;
  where: string;
  item: unknown;
  /** Reasons the input's mapping refused the record (RDF: a location that names no country), reported with validation's. */
  problems?: readonly string[];
}

export const INPUT_FORMATS = ['json', 'ndjson', 'csv', 'tsv', 'turtle', 'ntriples', 'rdfxml', 'jsonld'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.ttl': 'turtle',
  '.nt': 'ntriples',
  '.rdf': 'rdfxml',
  '.owl': 'rdfxml',
  '.jsonld': 'jsonld',
};

/**
 * By extension: `.csv`, `.tsv`/`.tab`, `.ndjson`/`.jsonl`, RDF as `.ttl`, `.nt`,
 * `.rdf`/`.owl` and `.jsonld`; anything else is JSON (an array or a `@graph` document).
 */
export function inputFormatOf(file: string): InputFormat {
  const ext = path.extname(file).toLowerCase();
  return Object.hasOwn(BY_EXTENSION, ext) ? (BY_EXTENSION[ext] as InputFormat) : 'json';
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

/**
 * Our own items in JSON-LD (`export --format jsonld`: the EJP-RD context URL on the document
 * or its first item) are read as items, as `.json`; any other JSON-LD is RDF.
 */
function isItemDocument(text: string): boolean {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return false;
  }
  const holder: unknown = Array.isArray(document) ? document[0] : document;
  return (
    holder !== null &&
    typeof holder === 'object' &&
    (holder as Record<string, unknown>)['@context'] === EJPRD_CONTEXT_URL
  );
}

async function readRdfOrItems(
  file: string,
  format: RdfFormat,
  onNote: (line: string) => void,
): Promise<SourceRecord[]> {
  const text = readText(file);
  if (format === 'jsonld' && isItemDocument(text)) return readJsonDocument(file);
  return readRdfRecords(file, text, format, onNote);
}

/**
 * Every record of one input file, in file order; a file that cannot be read at all throws.
 * `onNote` hears what the reading decided beside the records (RDF: what was skipped, what
 * took a default), for the load summary.
 */
export async function readRecords(
  file: string,
  onNote: (line: string) => void = () => undefined,
): Promise<SourceRecord[]> {
  const format = inputFormatOf(file);
  if (format === 'turtle' || format === 'ntriples' || format === 'rdfxml' || format === 'jsonld')
    return readRdfOrItems(file, format, onNote);
  if (format === 'ndjson') return readStreamed(file, '');
  // A top-level array streams; anything else (a `@graph` document, not JSON) is read whole.
  if (format === 'json')
    return firstByte(file) === 0x5b ? readStreamed(file, 'not valid JSON: ') : readJsonDocument(file);
  const rows = readManifest(readText(file), file, format === 'tsv' ? '\t' : ',');
  return rows.map(({ line, item }) => ({ source: file, where: `line ${line}`, item }));
}
