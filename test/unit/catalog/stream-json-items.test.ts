import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogStreamError, streamJsonItems } from '../../../src/catalog/stream-json-items';

const ITEMS = [{ '@id': 'a', title: 'with } and ] and "quotes\\" inside', theme: ['x'] }, { '@id': 'b', nested: { list: [[1], { c: '[' }] } }];

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
});
