import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCatalogFile } from '../../src/catalog/load-catalog';
import { runCli } from '../../src/cli/run-cli';
import { createTestApp, FIXTURE_CATALOG } from '../support/test-app';
import os from 'node:os';
import { cli, FIXTURE_ITEMS, removeTempDirs, tempDir, writeJson, writeText } from './cli-harness';
import { EXAMPLES, RESOURCES_RDF, startLoopbackFdp, type LoopbackFdp } from './loopback-fdp';

let fdp: LoopbackFdp;
beforeEach(async () => {
  fdp = await startLoopbackFdp();
});
afterEach(async () => {
  await fdp.close();
  removeTempDirs();
});

/** Short enough that the held document times out quickly; long enough for any loopback answer. */
const TIMEOUT = ['--timeout', '300'];
const LOADED_FILES = ['biobank.ttl', 'patientRegistry.ttl', 'dataset.ttl', 'guideline.ttl', 'catalog.ttl'].map((n) =>
  path.join(EXAMPLES, n),
);
const timesAsked = (p: string): number => fdp.requests.filter((r) => r.path === p).length;

describe('beacon-catalog harvest of a FAIR Data Point', () => {
  test('when the loopback FDP is harvested, then it builds the catalog that load builds from the same files', async () => {
    const dir = tempDir();
    const harvested = path.join(dir, 'harvested.json');
    const loaded = path.join(dir, 'loaded.json');

    const harvest = await cli('harvest', fdp.root, '--out', harvested, '--skip-invalid', ...TIMEOUT);
    const load = await cli('load', ...LOADED_FILES, RESOURCES_RDF, '--out', loaded, '--skip-invalid');

    expect([harvest.code, load.code]).toEqual([0, 0]);
    expect(fs.readFileSync(harvested, 'utf8')).toBe(fs.readFileSync(loaded, 'utf8'));
    expect(harvest.stderr).toContain('loaded 2 record(s), skipped 4;');
  });

  test('when links are broken, slow, failing once or not RDF, then the harvest goes on and its summary names each that failed', async () => {
    const out = path.join(tempDir(), 'catalog.json');

    const run = await cli('harvest', fdp.root, '--out', out, '--skip-invalid', ...TIMEOUT);

    expect(run.code).toBe(0);
    const catalog = `${fdp.root}catalog`;
    expect(run.stderr).toContain(`harvest ${fdp.root}: fetched 8 document(s); 3 link(s) unreachable`);
    expect(run.stderr).toContain(`unreachable: ${fdp.root}missing.ttl (linked from ${catalog}): HTTP 404`);
    expect(run.stderr).toContain(
      `unreachable: ${fdp.root}slow.ttl (linked from ${catalog}): timed out after 300 ms (3 attempts)`,
    );
    expect(run.stderr).toContain(
      `unreachable: ${fdp.root}about.html (linked from ${catalog}): not RDF (text/html; charset=utf-8)`,
    );
    expect(run.stderr).not.toContain(`unreachable: ${fdp.root}examples/guideline.ttl`);
    expect(run.stderr).toContain(
      `skipped: ${fdp.root}examples/guideline.ttl:<http://purl.org/ejp-rd/metadata-model/v1/example-rdf/guideline>: item must have required property`,
    );
    expect(run.stderr).toContain(
      "not followed: 2 link(s) to another host than the root's: https://rdf.beacon-catalog.example/berlin-biobank, https://rdf.beacon-catalog.example/vienna-registry",
    );
    expect([
      timesAsked('/'),
      timesAsked('/catalog'),
      timesAsked('/missing.ttl'),
      timesAsked('/examples/guideline.ttl'),
      timesAsked('/slow.ttl'),
    ]).toEqual([1, 1, 1, 2, 3]);
  });

  test('when the FDP is harvested, then every document is asked for as Turtle with a stated User-Agent', async () => {
    const out = path.join(tempDir(), 'catalog.json');

    await cli('harvest', fdp.root, '--out', out, '--skip-invalid', ...TIMEOUT);

    expect(fdp.requests.length).toBeGreaterThan(0);
    for (const r of fdp.requests) {
      expect(r.accept).toMatch(/^text\/turtle(,|$)/);
      expect(r.userAgent).toMatch(/^beacon-catalog\/\d+\.\d+\.\d+\S* \(harvest\)$/);
    }
  });

  test('when resources are refused and --skip-invalid is not given, then it exits 1 naming them and writes nothing', async () => {
    const out = path.join(tempDir(), 'catalog.json');

    const run = await cli('harvest', fdp.root, '--out', out, ...TIMEOUT);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `invalid: ${fdp.root}examples/biobank.ttl:<http://purl.org/ejp-rd/metadata-model/v1/example-rdf/biobank>: item must have required property 'vpConnection'`,
    );
    expect(run.stderr).toContain('4 invalid record(s) of 6: nothing was written');
    expect(fs.existsSync(out)).toBe(false);
  });

  test.each([
    ['missing.ttl', 'HTTP 404'],
    ['about.html', 'not RDF (text/html; charset=utf-8)'],
  ])(
    'when the root %s cannot be harvested, then it exits 5 (source unreachable) and writes nothing',
    async (root, reason) => {
      const out = path.join(tempDir(), 'catalog.json');

      const run = await cli('harvest', `${fdp.root}${root}`, '--out', out);

      expect(run.code).toBe(5);
      expect(run.stderr).toContain(`beacon-catalog: source unreachable: ${fdp.root}${root}: ${reason}`);
      expect(fs.existsSync(out)).toBe(false);
    },
  );

  test('when --max-documents is reached, then the links past it are not fetched and the summary says so', async () => {
    const out = path.join(tempDir(), 'catalog.json');

    const run = await cli('harvest', fdp.root, '--out', out, '--max-documents', '2');

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`harvest ${fdp.root}: fetched 2 document(s); 0 link(s) unreachable`);
    expect(run.stderr).toContain('not fetched: 9 link(s) past --max-documents 2:');
    expect(fdp.requests.map((r) => r.path).sort()).toEqual(['/', '/catalog']);
  });

  test('when stderr is a terminal, then each document has a progress line', async () => {
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let text = '';
    stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));

    const code = await runCli(['harvest', fdp.root, '--out', path.join(tempDir(), 'c.json'), '--max-documents', '2'], {
      stdout: new PassThrough(),
      stderr,
    });

    expect(code).toBe(0);
    expect(text).toContain(`\r\x1b[2Kharvest: 1 document(s) done, 1 to go: ${fdp.root}`);
    expect(text).toContain(`\r\x1b[2Kharvest: 2 document(s) done, 0 to go: ${fdp.root}catalog`);
  });

  test.each([
    [['harvest', '--out', 'x.json']],
    [['harvest', 'ftp://host/', '--out', 'x.json']],
    [['harvest', 'http://h/', '--out', 'x.json', '--timeout', '0']],
  ])('when the command line is %j, then it exits 2', async (argv) => {
    const run = await cli(...argv);

    expect(run.code).toBe(2);
  });

  test("when this beacon's own /catalogs Turtle is harvested, then it gives back the catalog it serves", async () => {
    const server = http.createServer(createTestApp());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const out = path.join(tempDir(), 'catalog.json');

    try {
      const run = await cli('harvest', `http://127.0.0.1:${port}/catalogs?limit=1000`, '--out', out);

      expect(run.code).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(loadCatalogFile(out)).toEqual(loadCatalogFile(FIXTURE_CATALOG).sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  test("when another load holds the target's lock, then the harvest exits 4 before asking the FDP anything", async () => {
    const dir = tempDir();
    const out = writeText(dir, 'catalog.json', '[]');
    const lock = writeText(
      dir,
      'catalog.json.lock',
      JSON.stringify({ pid: process.ppid, host: os.hostname(), since: '2026-01-01T00:00:00.000Z' }),
    );

    const run = await cli('harvest', fdp.root, '--out', out, ...TIMEOUT);

    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`lock file ${lock}`);
    expect(fdp.requests).toEqual([]);
    expect(fs.readFileSync(out, 'utf8')).toBe('[]');
  });

  test('when --upsert is given, then the harvested resources merge into what the target holds', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'catalog.json');
    await cli('load', writeJson(dir, 'in.json', FIXTURE_ITEMS().slice(0, 3)), '--out', out);

    const run = await cli('harvest', fdp.root, '--out', out, '--upsert', '--skip-invalid', ...TIMEOUT);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${out} now holds 5`);
  });
});
