/** The operator's flow: `load --out FILE` beside a running `npm start -- --data FILE`, then `kill -HUP`. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cli, FIXTURE_ITEMS, removeTempDirs, tempDir, writeJson } from './cli-harness';
import golden from '../api/golden/descendant-queries.json';

const ROOT = path.join(__dirname, '..', '..');

let service: ChildProcess | undefined;
let logs = '';

afterEach(async () => {
  const running = service;
  service = undefined;
  if (running && running.exitCode === null) {
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill('SIGTERM');
    });
  }
  removeTempDirs();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when the service has logged `message` `count` times in all. */
function logged(message: string, count = 1): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (logs.split(message).length - 1 >= count) {
        service?.stdout?.off('data', check);
        resolve();
      }
    };
    service?.once('exit', (code) => reject(new Error(`service exited ${String(code)}: ${logs}`)));
    service?.stdout?.on('data', check);
    check();
  });
}

/** `withOntologies`: the shipped HPO and ORDO releases, as `npm start` loads them; otherwise none (faster). */
async function startService(data: string, withOntologies = false): Promise<string> {
  const port = await freePort();
  logs = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MONGODB_URI: '',
    ONTOLOGY_FILES: 'none',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
  };
  if (withOntologies) delete env.ONTOLOGY_FILES;
  // As `npm start` runs it: one node process (the tsx CLI would not relay SIGHUP).
  service = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts'), '--data', data, '--port', String(port)],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  service.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  service.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  await logged('beacon-catalog listening');
  return `http://127.0.0.1:${port}`;
}

async function servedIds(base: string, filters: Record<string, unknown>[] = []): Promise<string[]> {
  const res = await fetch(`${base}/catalogs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ meta: { apiVersion: 'v2.0.0' }, query: { filters, pagination: { limit: 1000 } } }),
  });
  // v1 items carry `id`; v2 JSON-LD items (the answer to a v2 filter) carry `@id`.
  const body = (await res.json()) as { response: { resultSets: { results: { id?: string; '@id'?: string }[] }[] } };
  return (body.response.resultSets[0]?.results ?? []).map((r) => String(r.id ?? r['@id'])).sort();
}

describe('the service reloads its catalog file on SIGHUP', () => {
  test('when a new catalog is loaded to the file and SIGHUP sent, then the service serves the new catalog whole', async () => {
    const dir = tempDir();
    const items = FIXTURE_ITEMS();
    const data = path.join(dir, 'catalog.json');
    await cli('load', writeJson(dir, 'first.json', items.slice(0, 10)), '--out', data);
    const base = await startService(data);
    expect(await servedIds(base)).toHaveLength(10);

    await cli('load', writeJson(dir, 'second.json', items.slice(5)), '--out', data);
    service?.kill('SIGHUP');
    await logged('catalog reloaded');

    expect(await servedIds(base)).toEqual(
      items
        .slice(5)
        .map((i) => String(i['@id']))
        .sort(),
    );
  });

  test('when the file turns invalid and SIGHUP is sent, then the failure is logged and the old catalog still served', async () => {
    const dir = tempDir();
    const items = FIXTURE_ITEMS();
    const data = path.join(dir, 'catalog.json');
    await cli('load', writeJson(dir, 'first.json', items.slice(0, 10)), '--out', data);
    const base = await startService(data);
    const before = await servedIds(base);

    fs.writeFileSync(data, JSON.stringify([...items.slice(0, 3), { ...items[4], license: 7 }]));
    service?.kill('SIGHUP');
    await logged('catalog reload failed');

    expect(await servedIds(base)).toEqual(before);
  });
});

describe('the service answers descendant queries on the catalog it loads and reloads', () => {
  test('when the shipped ontologies are loaded and the catalog reloaded on SIGHUP, then a descendant query matches the hand-checked resources of each catalog', async () => {
    const [marfan] = golden.queries;
    const filters = [{ id: marfan?.term, includeDescendantTerms: true }];
    const expected = (items: Record<string, unknown>[]): string[] =>
      items
        .map((i) => String(i['@id']))
        .filter((id) => marfan?.withDescendants.includes(id.split('/').pop() ?? ''))
        .sort();
    const dir = tempDir();
    const items = FIXTURE_ITEMS();
    const data = path.join(dir, 'catalog.json');
    await cli('load', writeJson(dir, 'first.json', items), '--out', data);
    const base = await startService(data, true);
    expect(await servedIds(base, filters)).toEqual(expected(items));
    expect(expected(items)).toHaveLength(marfan?.withDescendants.length ?? -1);

    const second = items.filter((_, i) => i % 2 === 0);
    await cli('load', writeJson(dir, 'second.json', second), '--out', data);
    service?.kill('SIGHUP');
    await logged('catalog reloaded');

    expect(await servedIds(base, filters)).toEqual(expected(second));
  });
});

describe('the service starts on a line-delimited catalog', () => {
  test('when CATALOG_FILE is NDJSON (one item a line, as large catalogs ship), then the service streams it and serves every item', async () => {
    const dir = tempDir();
    const items = FIXTURE_ITEMS().slice(0, 12);
    const data = path.join(dir, 'catalog.ndjson');
    fs.writeFileSync(data, items.map((item) => JSON.stringify(item)).join('\n'));
    const base = await startService(data);
    expect(await servedIds(base)).toEqual(items.map((i) => String(i['@id'])).sort());
  });

  test('when the NDJSON file is out of id order and the shipped ontologies load beside it, then descendant and % title queries answer from the indexes the load built, before and after the file is replaced and SIGHUP sent', async () => {
    const [marfan] = golden.queries;
    const descendants = [{ id: marfan?.term, includeDescendantTerms: true }];
    const titleSearch = [{ id: 'dct:title', operator: '=', value: '%registry%' }];
    const ids = (items: Record<string, unknown>[], keep: (item: Record<string, unknown>) => boolean): string[] =>
      items
        .filter(keep)
        .map((i) => String(i['@id']))
        .sort();
    const underMarfan = (item: Record<string, unknown>): boolean =>
      marfan?.withDescendants.includes(String(item['@id']).split('/').pop() ?? '') ?? false;
    const namedRegistry = (item: Record<string, unknown>): boolean => /registry/i.test(String(item.title));
    const dir = tempDir();
    const items = FIXTURE_ITEMS().reverse();
    const data = path.join(dir, 'catalog.ndjson');
    fs.writeFileSync(data, items.map((item) => JSON.stringify(item)).join('\n'));
    const base = await startService(data, true);
    expect(await servedIds(base, descendants)).toEqual(ids(items, underMarfan));
    expect(await servedIds(base, titleSearch)).toEqual(ids(items, namedRegistry));
    expect(ids(items, namedRegistry).length).toBeGreaterThan(0);

    // Replaced by name, as a deployment swaps a file in.
    const second = items.filter((_, i) => i % 2 === 1);
    fs.writeFileSync(path.join(dir, 'next.ndjson'), second.map((item) => JSON.stringify(item)).join('\n'));
    fs.renameSync(path.join(dir, 'next.ndjson'), data);
    service?.kill('SIGHUP');
    await logged('catalog reloaded');
    expect(await servedIds(base, descendants)).toEqual(ids(second, underMarfan));
    expect(await servedIds(base, titleSearch)).toEqual(ids(second, namedRegistry));
  });
});
