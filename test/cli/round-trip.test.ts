import fs from 'node:fs';
import path from 'node:path';
import { loadCatalogFile } from '../../src/catalog/load-catalog';
import { EXPORT_FORMATS } from '../../src/cli/parse-cli-args';
import { cli, FIXTURE_ITEMS, removeTempDirs, tempDir, writeJson } from './cli-harness';

afterEach(removeTempDirs);

/** The fixtures plus the awkward cases: quotes, commas, tabs and line breaks in text; a country without a publisher; a publisher without a country. */
function trickyCatalog(): Record<string, unknown>[] {
  const items = FIXTURE_ITEMS();
  const base = items[0] as Record<string, unknown>;
  const { publisher: _publisher, ...withoutPublisher } = base;
  return [
    ...items,
    {
      ...withoutPublisher,
      '@id': 'https://ex.org/no-publisher',
      description: 'Line one,\n"quoted"\tand tabbed',
      spatial: { title: 'FR' },
    },
    {
      ...base,
      '@id': 'https://ex.org/no-country',
      keyword: ['a, b', 'c "d"'],
      publisher: {
        '@id': 'https://ex.org/org',
        title: 'Org',
        homepage: 'https://ex.org/',
        logo: 'https://ex.org/l.png',
      },
    },
  ];
}

describe('beacon-catalog load -> export -> load', () => {
  test.each(EXPORT_FORMATS)(
    'when a catalog is exported as %s and loaded again, then nothing is lost',
    async (format) => {
      const dir = tempDir();
      const input = writeJson(dir, 'input.json', trickyCatalog());
      const first = path.join(dir, 'first.json');
      const exported = path.join(dir, `export.${format === 'jsonld' ? 'jsonld' : format}`);
      const second = path.join(dir, 'second.json');

      const load1 = await cli('load', input, '--out', first);
      const exp = await cli('export', '--format', format, '--data', first, '--out', exported);
      const load2 = await cli('load', exported, '--out', second);

      expect([load1.code, exp.code, load2.code]).toEqual([0, 0, 0]);
      expect(loadCatalogFile(second)).toEqual(loadCatalogFile(first));
      expect(fs.readFileSync(second, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
      expect(loadCatalogFile(first)).toHaveLength(trickyCatalog().length);
    },
  );

  test('when export has no --out, then the catalog goes to stdout and the summary to stderr', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.json');
    await cli('load', writeJson(dir, 'in.json', FIXTURE_ITEMS()), '--out', data);

    const run = await cli('export', '--format', 'jsonld', '--data', data);

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { '@context': string; '@graph': unknown[] };
    expect(document['@graph']).toHaveLength(FIXTURE_ITEMS().length);
    expect(run.stderr).toContain(`exported ${FIXTURE_ITEMS().length} record(s) as jsonld`);
  });

  test('when a keyword holds the | separator, then a CSV export refuses with exit 1 rather than split it', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.json');
    await cli('load', writeJson(dir, 'in.json', [{ ...FIXTURE_ITEMS()[0], keyword: ['a|b'] }]), '--out', data);

    const run = await cli('export', '--format', 'csv', '--data', data);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('keywords value "a|b"');
    expect(run.stdout).toBe('');
  });
});

describe('beacon-catalog verify', () => {
  test('when the store holds exactly the manifest, then verify exits 0 and prints no difference', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.json');
    const manifest = writeJson(dir, 'm.json', FIXTURE_ITEMS());
    await cli('load', manifest, '--out', data);

    const run = await cli('verify', manifest, '--data', data);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  test('when records are missing, extra and differing, then verify lists each and exits 1', async () => {
    const dir = tempDir();
    const items = FIXTURE_ITEMS();
    const data = path.join(dir, 'data.json');
    await cli(
      'load',
      writeJson(dir, 'stored.json', [...items.slice(1), { ...items[2], '@id': 'https://ex.org/extra' }]),
      '--out',
      data,
    );
    const manifest = writeJson(
      dir,
      'm.json',
      items.map((item, i) => (i === 3 ? { ...item, title: 'Changed', keyword: ['x'] } : item)),
    );

    const run = await cli('verify', manifest, '--data', data);

    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `missing ${String(items[0]?.['@id'])}`,
      'extra https://ex.org/extra',
      `differs ${String(items[3]?.['@id'])}: keyword, title`,
    ]);
    expect(run.stderr).toContain('1 missing, 1 extra, 1 differing');
  });
});

describe('the beacon-catalog bin', () => {
  test('when run as a command with a bad argument, then it exits 2 with the usage', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = path.join(__dirname, '..', '..', 'bin', 'beacon-catalog.js');

    const run = spawnSync(process.execPath, [bin, 'load', 'x.json', '--bogus'], { encoding: 'utf8' });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });

  test('when run as a command on an invalid file, then it exits 1 and writes nothing', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = path.join(__dirname, '..', '..', 'bin', 'beacon-catalog.js');
    const dir = tempDir();
    const input = writeJson(dir, 'in.json', [{ ...FIXTURE_ITEMS()[0], '@type': 'ejprd:Catalog' }]);

    const run = spawnSync(process.execPath, [bin, 'load', input, '--out', path.join(dir, 'out.json')], {
      encoding: 'utf8',
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${input}:index 0`);
    expect(fs.existsSync(path.join(dir, 'out.json'))).toBe(false);
  });
});
