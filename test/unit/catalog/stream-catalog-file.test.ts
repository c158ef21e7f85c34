import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogValidationError, loadCatalogFile, normaliseCatalog } from '../../../src/catalog/load-catalog';
import { streamCatalog, streamCatalogFile } from '../../../src/catalog/stream-catalog-file';
import { ScratchSets } from '../../../src/store/memory/scratch-sets';
import { TrigramIndex } from '../../../src/store/memory/trigram-index';
import { CatalogStreamError } from '../../../src/catalog/stream-json-items';
import { FIXTURE_CATALOG } from '../../support/test-app';

const fixtureItems = JSON.parse(fs.readFileSync(FIXTURE_CATALOG, 'utf8')) as Record<string, unknown>[];

function writeNdjson(lines: readonly string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-')), 'catalog.ndjson');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function rejection(load: Promise<unknown>): Promise<unknown> {
  return load.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('streamCatalogFile (normalised here, checked in a worker thread)', () => {
  test('when the shipped fixtures are streamed as NDJSON, then the documents equal those of the whole-file load', async () => {
    const file = writeNdjson(fixtureItems.map((item) => JSON.stringify(item)));
    expect(await streamCatalogFile(file)).toEqual(loadCatalogFile(FIXTURE_CATALOG));
  });

  test('when items are bad (schema, not an object, one that cannot be normalised, a repeated @id), then the catalog is rejected with the items the whole-file check lists', async () => {
    const [first, second] = fixtureItems as [Record<string, unknown>, Record<string, unknown>];
    // An @id object without a usable toString: String() of it throws while normalising.
    const items: unknown[] = [
      first,
      { ...second, '@type': 'ejprd:Catalog' },
      [1, 2],
      { ...second, '@id': { toString: 1 } },
      first,
      { ...second, '@id': 'https://example.org/other' },
    ];
    const error = await rejection(streamCatalogFile(writeNdjson(items.map((item) => JSON.stringify(item)))));
    expect(error).toBeInstanceOf(CatalogValidationError);
    let expected: unknown;
    try {
      normaliseCatalog(items, 'same');
    } catch (e) {
      expected = e;
    }
    expect((error as CatalogValidationError).items).toEqual((expected as CatalogValidationError).items);
    expect((error as CatalogValidationError).items.map((item) => item.index)).toEqual([1, 2, 3, 4]);
  });

  test('when a line is not JSON, then the load fails with the stream error', async () => {
    const file = writeNdjson([JSON.stringify(fixtureItems[0]), '{"@id": "broken",', JSON.stringify(fixtureItems[1])]);
    const error = await rejection(streamCatalogFile(file));
    expect(error).toBeInstanceOf(CatalogStreamError);
  });

  test('when titles are indexed beside the load of a file not in id order, then the index equals one built from the documents in id order', async () => {
    // Reversed, with titles that are not ASCII, so that file order, id order and folding all matter.
    const items = fixtureItems
      .map((item, i) => ({ ...item, title: i % 3 === 0 ? `Ρεγιστρο ${String(item.title)} straße` : item.title }))
      .reverse();
    const { resources, titles } = await streamCatalog(writeNdjson(items.map((item) => JSON.stringify(item))), true);
    const built = await titles;
    expect(built).toBeDefined();
    const sortedTitles = [...resources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => r.title);
    const [aside, here] = [new TrigramIndex(built!), TrigramIndex.of(sortedTitles)];
    new ScratchSets(resources.length).lease((pool) => {
      for (const literals of [
        ['REG'],
        ['', 'ΡΕΓΙΣΤ', ''],
        ['', 'STRASSE', ''],
        ['', 'BIOBANK', ''],
        ['', 'registry', ''],
        ['', 'dis', 'ase', ''],
      ]) {
        expect(aside.candidates(literals, pool)?.positions()).toEqual(here.candidates(literals, pool)?.positions());
        expect(aside.keepMatching(pool.full(), literals).positions()).toEqual(
          here.keepMatching(pool.full(), literals).positions(),
        );
      }
      expect(aside.keepMatching(pool.full(), ['', 'ΡΕΓΙΣΤΡΟ', '']).count()).toBe(Math.ceil(fixtureItems.length / 3));
    });
  });

  test("when titles are asked for but an item is bad, then the titles (the check's verdict) reject with the problems", async () => {
    const [first] = fixtureItems as [Record<string, unknown>];
    const error = await rejection(
      streamCatalog(writeNdjson([JSON.stringify(first), JSON.stringify(first)]), true).then(
        (catalog) => catalog.titles,
      ),
    );
    expect((error as CatalogValidationError).items.map((item) => item.problems)).toEqual([
      ['duplicate @id, first seen at item 0'],
    ]);
  });

  test('when what this thread waits for before the file fails, then the load fails with that error, and the file loads again after', async () => {
    const file = writeNdjson(fixtureItems.map((item) => JSON.stringify(item)));
    const error = await rejection(
      streamCatalog(file, true, Promise.reject(new Error('the ontologies could not be read'))),
    );
    expect((error as Error).message).toBe('the ontologies could not be read');
    // The descriptor is closed and the file can be loaded again.
    expect(await streamCatalogFile(file)).toHaveLength(fixtureItems.length);
  });

  test('when this thread starts on the file only after the worker has answered, then the file is still open to it and the load completes', async () => {
    const file = writeNdjson(fixtureItems.map((item) => JSON.stringify(item)));
    // Long enough for the worker to read this small file and answer first.
    const later = new Promise((resolve) => setTimeout(resolve, 2000));
    const { resources, titles } = await streamCatalog(file, true, later);
    expect(resources).toHaveLength(fixtureItems.length);
    expect((await titles)?.textEnds.length).toBe(fixtureItems.length);
  });
});
