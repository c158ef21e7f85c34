import fs from 'node:fs';
import path from 'node:path';
import { cli, removeTempDirs, tempDir } from './cli-harness';

afterEach(removeTempDirs);

/** Above the 125,000 records whose spread into `push` overflowed the call stack. */
const COUNT = 130_000;

/** The smallest item the v2 schema accepts, numbered. */
const item = (n: number): string =>
  JSON.stringify({
    '@context': 'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/json-ld-contexts/ejprd-context.json',
    '@id': `https://ex.org/r/${n}`,
    '@type': 'ejprd:Biobank',
    title: `R${n}`,
    theme: ['ordo:Orphanet_558'],
    language: ['en'],
    license: 'https://creativecommons.org/licenses/by/4.0/',
    personalData: 'false',
    vpConnection: 'ejprd:VPContentDiscovery',
  });

function writeLines(file: string, open: string, separator: string, close: string): string {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, open);
  for (let n = 0; n < COUNT; n += 1) fs.writeSync(fd, `${n === 0 ? '' : separator}${item(n)}`);
  fs.writeSync(fd, close);
  fs.closeSync(fd);
  return file;
}

/** The `@id`s of a loaded `--out` file, read without the loader's own code. */
const idsIn = (file: string): string[] =>
  (JSON.parse(fs.readFileSync(file, 'utf8')) as { '@id': string }[]).map((i) => i['@id']);

describe('beacon-catalog load of one large input file', () => {
  test.each([
    ['NDJSON', 'big.ndjson', '', '\n', '\n'],
    ['a JSON array', 'big.json', '[\n', ',\n', '\n]\n'],
  ])(
    'when one %s file holds 130,000 records, then every record is loaded',
    async (_kind, name, open, separator, close) => {
      const dir = tempDir();
      const input = writeLines(path.join(dir, name), open, separator, close);
      const out = path.join(dir, 'catalog.json');

      const run = await cli('load', input, '--out', out);

      expect(run.stderr).not.toContain('Maximum call stack');
      expect(run.code).toBe(0);
      const ids = idsIn(out);
      expect(ids).toHaveLength(COUNT);
      expect(new Set(ids).size).toBe(COUNT);
    },
    120_000,
  );
});
