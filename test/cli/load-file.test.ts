import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadCatalogFile } from '../../src/catalog/load-catalog';
import { loadConfig } from '../../src/config/config';
import { MemoryStore } from '../../src/store/memory/memory-store';
import { FIXTURE_CATALOG } from '../support/test-app';
import { cli, FIXTURE_ITEMS, removeTempDirs, tempDir, writeJson, writeText } from './cli-harness';

afterEach(removeTempDirs);

const HEADER = 'id,type,title,themes,country,publisherId,publisher,language,license,personalData,vpConnection';
const row = (id: string, extra: Partial<Record<'type' | 'themes' | 'country', string>> = {}, delimiter = ','): string =>
  [
    id,
    extra.type ?? 'ejprd:Biobank',
    delimiter === ',' ? `"Biobank ${id}, with a comma"` : `Biobank ${id}, with a comma`,
    extra.themes ?? 'ordo:Orphanet_558|hp:0001251',
    extra.country ?? 'IT',
    `${id}-org`,
    'Org',
    'en|it',
    'https://creativecommons.org/licenses/by/4.0/',
    'true',
    'ejprd:VPContentDiscovery',
  ].join(delimiter);

describe('beacon-catalog load --out', () => {
  test('when the fixtures are loaded to a file, then the service started with --data FILE serves every resource', async () => {
    const out = path.join(tempDir(), 'catalog.json');

    const run = await cli('load', FIXTURE_CATALOG, '--out', out);

    expect(run.code).toBe(0);
    const config = loadConfig({ LOG_LEVEL: 'silent' }, ['--data', out], { ontologyFiles: [] });
    const app = createApp({
      config,
      store: new MemoryStore(loadCatalogFile(config.catalogFile)),
      logger: pino({ level: 'silent' }),
    });
    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0.0' }, query: { pagination: { limit: 1000 } } });
    const served = (res.body.response.resultSets[0].results as { id: string }[]).map((r) => r.id).sort();
    expect(served).toEqual(
      FIXTURE_ITEMS()
        .map((i) => i['@id'])
        .sort(),
    );
    expect(loadCatalogFile(out)).toEqual(loadCatalogFile(FIXTURE_CATALOG).sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  test('when a CSV manifest is loaded, then its rows become v2 items with lists split on |', async () => {
    const dir = tempDir();
    const manifest = writeText(
      dir,
      'm.csv',
      `${HEADER}\n${row('https://ex.org/r1')}\n${row('https://ex.org/r2', { country: 'EL' })}\n`,
    );
    const out = path.join(dir, 'catalog.json');

    const run = await cli('load', manifest, '--out', out);

    expect(run.code).toBe(0);
    const [first, second] = loadCatalogFile(out);
    expect(first).toMatchObject({
      id: 'https://ex.org/r1',
      title: 'Biobank https://ex.org/r1, with a comma',
      themes: ['ordo:Orphanet_558', 'hp:0001251'],
      language: ['en', 'it'],
      country: 'IT',
    });
    expect(second?.country).toBe('GR');
  });

  test('when one CSV row is invalid, then the load exits 1, names the file, line, @id and reason, and writes nothing', async () => {
    const dir = tempDir();
    const out = writeText(dir, 'catalog.json', '[]');
    const manifest = writeText(
      dir,
      'm.csv',
      `${HEADER}\n${row('https://ex.org/r1')}\n${row('https://ex.org/r2', { type: 'ejprd:Catalog' })}\n`,
    );

    const run = await cli('load', manifest, '--out', out);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${manifest}:line 3 (https://ex.org/r2): item.@type must be one of`);
    expect(run.stderr).toContain('nothing was written');
    expect(fs.readFileSync(out, 'utf8')).toBe('[]');
  });

  test('when a record has a bad date, country and CURIE, then every reason is listed', async () => {
    const dir = tempDir();
    const [item] = FIXTURE_ITEMS();
    const bad = {
      ...item,
      created: '2024-13-45',
      theme: ['not a curie'],
      publisher: { ...(item?.publisher as object), spatial: { title: 'XX' } },
    };
    const input = writeJson(dir, 'in.json', [FIXTURE_ITEMS()[1], bad]);

    const run = await cli('load', input, '--out', path.join(dir, 'out.json'));

    expect(run.code).toBe(1);
    const line = run.stderr.split('\n').find((l) => l.startsWith('invalid:')) ?? '';
    expect(line).toContain(`${input}:index 1 (${String(item?.['@id'])})`);
    expect(line).toMatch(/created must be an ISO 8601/);
    expect(line).toMatch(/ISO 3166-1/);
    expect(line).toMatch(/theme\[0\] must be a CURIE/);
    expect(fs.existsSync(path.join(dir, 'out.json'))).toBe(false);
  });

  test('when two input files share an @id, then the duplicate is reported with where it was first seen and nothing is written', async () => {
    const dir = tempDir();
    const out = writeJson(dir, 'out.json', []);
    const items = FIXTURE_ITEMS();
    const a = writeJson(dir, 'a.json', items.slice(0, 3));
    const b = writeJson(dir, 'b.json', {
      '@context': items[0]?.['@context'],
      '@graph': [items[5], { ...items[1], title: 'Again' }],
    });

    const run = await cli('load', a, b, '--out', out);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${b}:index 1 (${String(items[1]?.['@id'])}): duplicate @id, first seen at ${a}:index 1`,
    );
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual([]);
  });

  test('when --skip-invalid is given, then the valid records load, every skipped one is listed and the exit code is 0', async () => {
    const dir = tempDir();
    const rows = [
      row('https://ex.org/r1', {}, '\t'),
      row('https://ex.org/r2', { country: 'Atlantis' }, '\t'),
      row('https://ex.org/r1', {}, '\t'),
      row('https://ex.org/r3', {}, '\t'),
    ];
    const manifest = writeText(dir, 'm.tsv', [HEADER.replaceAll(',', '\t'), ...rows].join('\n'));
    const out = path.join(dir, 'out.json');

    const run = await cli('load', manifest, '--out', out, '--skip-invalid');

    expect(run.code).toBe(0);
    const skipped = run.stderr.split('\n').filter((l) => l.startsWith('skipped:'));
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toContain(':line 3 (https://ex.org/r2)');
    expect(skipped[1]).toContain(':line 4 (https://ex.org/r1): duplicate @id');
    expect(loadCatalogFile(out).map((r) => r.id)).toEqual(['https://ex.org/r1', 'https://ex.org/r3']);
  });

  test('when a manifest header names an unknown column, then the load exits 1 naming the column', async () => {
    const dir = tempDir();
    const manifest = writeText(dir, 'm.csv', `${HEADER},colour\n${row('https://ex.org/r1')},red\n`);

    const run = await cli('load', manifest, '--out', path.join(dir, 'out.json'));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${manifest}: line 1: unknown column(s) colour`);
  });

  test('when the same file is loaded twice, then the output file is byte for byte the same', async () => {
    const out = path.join(tempDir(), 'catalog.json');
    await cli('load', FIXTURE_CATALOG, '--out', out);
    const first = fs.readFileSync(out, 'utf8');

    const run = await cli('load', FIXTURE_CATALOG, '--out', out);

    expect(run.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(first);
  });

  test('when --upsert loads a changed record and a new one, then the rest of the file is kept', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'catalog.json');
    const items = FIXTURE_ITEMS();
    await cli('load', FIXTURE_CATALOG, '--out', out);
    const update = writeJson(dir, 'u.json', [
      { ...items[0], title: 'Renamed' },
      { ...items[1], '@id': 'https://ex.org/new' },
    ]);

    const run = await cli('load', update, '--out', out, '--upsert');

    expect(run.code).toBe(0);
    const loaded = loadCatalogFile(out);
    expect(loaded).toHaveLength(items.length + 1);
    expect(loaded.find((r) => r.id === items[0]?.['@id'])?.title).toBe('Renamed');
  });

  test('when a crash leaves a half-written temporary file beside the output, then the old file is intact and the next load replaces it', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'catalog.json');
    await cli('load', FIXTURE_CATALOG, '--out', out);
    const before = fs.readFileSync(out, 'utf8');
    writeText(dir, '.catalog.json.99999.tmp', before.slice(0, 1000));

    expect(loadCatalogFile(out)).toHaveLength(FIXTURE_ITEMS().length);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);
    const again = await cli('load', FIXTURE_CATALOG, '--out', out);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);
  });
});
