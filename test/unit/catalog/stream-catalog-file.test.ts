import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogValidationError, loadCatalogFile, normaliseCatalog } from '../../../src/catalog/load-catalog';
import { streamCatalogFile } from '../../../src/catalog/stream-catalog-file';
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
    const items: unknown[] = [first, { ...second, '@type': 'ejprd:Catalog' }, [1, 2], { ...second, '@id': { toString: 1 } }, first, { ...second, '@id': 'https://example.org/other' }];
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

  test('when a line is not JSON, then the stream error names it and no worker failure is left behind', async () => {
    const file = writeNdjson([JSON.stringify(fixtureItems[0]), '{"@id": "broken",', JSON.stringify(fixtureItems[1])]);
    const error = await rejection(streamCatalogFile(file));
    expect(error).toBeInstanceOf(CatalogStreamError);
  });
});
