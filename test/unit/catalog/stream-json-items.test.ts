import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogStreamError, streamJsonItems } from '../../../src/catalog/stream-json-items';

const ITEMS = [
  { '@id': 'a', title: 'with } and ] and "quotes\\" inside', theme: ['x'] },
  { '@id': 'b', nested: { list: [[1], { c: '[' }] } },
];

async function collect(text: string): Promise<unknown[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stream-items-')), 'catalog.json');
  fs.writeFileSync(file, text);
  const items: unknown[] = [];
  for await (const item of streamJsonItems(file)) items.push(item);
  return items;
}

describe('streamJsonItems', () => {
  test('when the file is NDJSON, then each line is one item', async () => {
    expect(await collect(`${ITEMS.map((i) => JSON.stringify(i)).join('\n')}\n`)).toEqual(ITEMS);
  });

  test('when the file is a pretty-printed JSON array, then each element is one item', async () => {
    expect(await collect(JSON.stringify(ITEMS, null, 2))).toEqual(ITEMS);
  });

  test('when items span read chunks (over 1 MB each), then they are still whole', async () => {
    const big = ['x\\"]}'.repeat(400_000), 'y'].map((title, i) => ({ '@id': String(i), title }));
    expect(await collect(JSON.stringify(big))).toEqual(big);
  });

  test('when an item is cut off at the end of the file, then it fails', async () => {
    await expect(collect('[{"@id": "a"}, {"@id": ')).rejects.toThrow(CatalogStreamError);
  });

  test('when NDJSON lines mix CRLF, blank lines, two objects on a line and an object over several lines, then every item comes out in order', async () => {
    const [a, b] = ITEMS.map((i) => JSON.stringify(i));
    const text = `${a}\r\n\n  ${b}  \n${a} ${b}\n${JSON.stringify(ITEMS[0], null, 2)}\n${b}`;
    expect(await collect(text)).toEqual([ITEMS[0], ITEMS[1], ITEMS[0], ITEMS[1], ITEMS[0], ITEMS[1]]);
  });

  test('when multi-byte characters straddle read chunks, then NDJSON items decode whole', async () => {
    // 1 MB chunks: shift the lines so some two-, three- and four-byte characters cross a boundary.
    const items = Array.from({ length: 3000 }, (_, i) => ({
      '@id': String(i),
      title: `${'x'.repeat(i % 7)}ü東😀 ${'é'.repeat(300 + (i % 5))}`,
    }));
    expect(await collect(items.map((i) => JSON.stringify(i)).join('\n'))).toEqual(items);
  });

  test('when an NDJSON line holds something other than objects, then it fails', async () => {
    await expect(collect('{"@id": "a"}\n{"@id": "b"} x\n')).rejects.toThrow(CatalogStreamError);
    await expect(collect('{"@id": "a"}\n{"@id": "b"\n')).rejects.toThrow(CatalogStreamError);
  });
});
