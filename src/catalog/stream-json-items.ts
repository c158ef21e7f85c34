import fs from 'node:fs';

/**
 * The items of a catalog file, one at a time, without ever holding the whole text: a
 * 1,000,000-resource file is near a gigabyte, beyond V8's longest string. Reads NDJSON
 * (one item per line) and a top-level JSON array alike: the splitter tracks strings,
 * escapes and nesting depth and hands each complete top-level element to `JSON.parse`.
 */
export async function* streamJsonItems(file: string): AsyncGenerator<unknown> {
  for await (const batch of streamJsonBatches(file)) yield* batch;
}

/** The items in the batches one read chunk (1 MB) holds: one async step per batch, not per item. */
export async function* streamJsonBatches(file: string): AsyncGenerator<unknown[]> {
  const splitter = newSplitter();
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const items = splitter.push(chunk as string);
    if (items.length > 0) yield items;
  }
  splitter.finish();
}

/**
 * NDJSON's usual shape, one object per line, parsed without looking at every character:
 * the object starting at `start` when its whole line parses as JSON, else undefined (the
 * character-wise splitter then takes that line, e.g. several objects on one line).
 */
function wholeLineAt(chunk: string, start: number): { item: unknown; end: number } | undefined {
  const newline = chunk.indexOf('\n', start);
  if (newline < 0) return undefined;
  let last = newline - 1;
  while (last > start && WHITESPACE.has(chunk[last] as string)) last -= 1;
  if (chunk.charCodeAt(last) !== 125) return undefined;
  try {
    return { item: JSON.parse(chunk.slice(start, last + 1)), end: newline };
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
      if (c === 123 && base === 0 && depth === 0) {
        const line = wholeLineAt(chunk, i);
        if (line) {
          items.push(line.item);
          i = line.end;
          continue;
        }
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
    if (inElement || depth !== 0 || (base === 1 && !closed)) throw new CatalogStreamError('the catalog file ends inside an item');
  };
  return { push, finish };
}
