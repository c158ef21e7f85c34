import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * The items of a catalog file, one at a time, without ever holding the whole text: a
 * 1,000,000-resource file is near a gigabyte, beyond V8's longest string. Reads NDJSON
 * (one item per line) and a top-level JSON array alike: the splitter tracks strings,
 * escapes and nesting depth and hands each complete top-level element to `JSON.parse`.
 */
export async function* streamJsonItems(file: string): AsyncGenerator<unknown> {
  for await (const batch of streamJsonBatches(file)) yield* batch;
}

/**
 * A file already open, read from its start by position and left open: two threads reading
 * one descriptor read the same file, even if another replaces it by name meanwhile.
 */
export interface OpenFile {
  fd: number;
}

/**
 * The items in the batches one read chunk (1 MB) holds: one async step per batch, not per
 * item. Read as bytes: a 1 MB chunk decoded whole becomes a two-byte string as soon as one
 * line holds a non-Latin-1 character, and every line sliced from it is slow to parse;
 * decoding each NDJSON line on its own keeps the ASCII ones one-byte (about 2.5x faster).
 */
export async function* streamJsonBatches(file: string | OpenFile): AsyncGenerator<unknown[]> {
  const splitter = newSplitter();
  const reader = new LineReader(splitter);
  const chunks =
    typeof file === 'string'
      ? fs.createReadStream(file, { highWaterMark: 1 << 20 })
      : fs.createReadStream('', { fd: file.fd, start: 0, autoClose: false, highWaterMark: 1 << 20 });
  for await (const chunk of chunks) {
    const items = reader.push(chunk as Buffer);
    if (items.length > 0) yield items;
  }
  splitter.push(reader.end());
  splitter.finish();
}

const NEWLINE = 10;

/** Whitespace bytes JSON allows around an NDJSON line's object. */
function isBlank(byte: number | undefined): boolean {
  return byte === 32 || byte === 13 || byte === 9 || byte === 10;
}

/**
 * Bytes -> items. While the splitter waits between NDJSON lines, each whole line whose
 * object parses alone is decoded and parsed by itself; everything else (the first line,
 * JSON arrays, lines that do not parse alone, a line cut by the chunk's end) goes through
 * one decoder to the character-wise splitter, in file order.
 */
class LineReader {
  private readonly decoder = new StringDecoder('utf8');
  /** The splitter is inside a line it was given the start of. */
  private midLine = false;

  constructor(private readonly splitter: Splitter) {}

  push(chunk: Buffer): unknown[] {
    const items: unknown[] = [];
    let at = 0;
    while (at < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, at);
      const lineEnd = newline < 0 ? chunk.length : newline + 1;
      const item =
        newline < 0 || this.midLine || !this.splitter.betweenLines() ? undefined : wholeLine(chunk, at, newline);
      if (item !== undefined) items.push(item);
      // Inside a JSON array no line parses alone: the rest of the chunk goes at once.
      const end = item !== undefined || !this.splitter.inArray() ? lineEnd : chunk.length;
      if (item === undefined)
        for (const found of this.splitter.push(this.decoder.write(chunk.subarray(at, end)))) items.push(found);
      this.midLine = chunk[end - 1] !== NEWLINE;
      at = end;
    }
    return items;
  }

  end(): string {
    return this.decoder.end();
  }
}

/** The object on the line `chunk[start..newline)` when the line holds one that parses alone, else undefined. */
function wholeLine(chunk: Buffer, start: number, newline: number): unknown {
  let first = start;
  while (first < newline && isBlank(chunk[first])) first += 1;
  let last = newline - 1;
  while (last > first && isBlank(chunk[last])) last -= 1;
  if (chunk[first] !== 123 || chunk[last] !== 125) return undefined;
  try {
    return JSON.parse(chunk.toString('utf8', first, last + 1)) as unknown;
  } catch {
    return undefined;
  }
}

export class CatalogStreamError extends Error {
  override name = 'CatalogStreamError';
}

interface Splitter {
  push(chunk: string): unknown[];
  finish(): void;
  /** NDJSON, between items: the next line may parse alone. */
  betweenLines(): boolean;
  /** Inside a top-level JSON array. */
  inArray(): boolean;
}

const WHITESPACE = new Set([' ', '\n', '\r', '\t']);

/** Elements sit at depth `base`: 0 for NDJSON, 1 inside a top-level array. State spans chunks. */
function newSplitter(): Splitter {
  let carry = '';
  let depth = 0;
  let base = -1;
  let inString = false;
  let escaped = false;
  let inElement = false;
  let closed = false;
  const push = (chunk: string): unknown[] => {
    const items: unknown[] = [];
    let start = inElement ? 0 : -1;
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        if (base < 0) base = c === 91 ? 1 : 0;
        else if (depth === base) {
          start = i;
          inElement = true;
        }
        if (base === 0 && depth === 0) {
          start = i;
          inElement = true;
        }
        depth += 1;
      } else if (c === 125 || c === 93) {
        depth -= 1;
        if (depth === base && inElement) {
          items.push(JSON.parse(carry + chunk.slice(start, i + 1)));
          carry = '';
          inElement = false;
        } else if (depth < base) closed = true;
      } else if (!inElement && !WHITESPACE.has(chunk[i] as string) && !(base === 1 && c === 44)) {
        throw new CatalogStreamError(`unexpected "${chunk[i] ?? ''}" between catalog items`);
      }
    }
    if (inElement) carry += chunk.slice(start);
    return items;
  };
  const finish = (): void => {
    if (inElement || depth !== 0 || (base === 1 && !closed))
      throw new CatalogStreamError('the catalog file ends inside an item');
  };
  const betweenLines = (): boolean => base === 0 && depth === 0 && !inElement && !inString;
  return { push, finish, betweenLines, inArray: () => base === 1 };
}
