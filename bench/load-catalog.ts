/**
 * Benchmark (not a test): `beacon-catalog load` of 100,000 generated records into the
 * embedded store's file, in a child process exactly as an operator runs it, then the
 * service's own load of that file. Usage: `tsx bench/load-catalog.ts [count] [seed]`.
 * Target (issue 5): under 20 s for 100,000 records.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalogFile } from '../src/catalog/load-catalog';
import { ensureCatalog } from './generate/write-catalog';

const BIN = path.join(__dirname, '..', 'bin', 'beacon-catalog.js');

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 7);
  const input = await ensureCatalog(count, seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
  const out = path.join(dir, 'catalog.json');
  try {
    const [run, loadMs] = timed(() =>
      spawnSync(process.execPath, [BIN, 'load', input, '--out', out], { encoding: 'utf8' }),
    );
    if (run.status !== 0) throw new Error(`load exited ${String(run.status)}: ${run.stderr}`);
    const [resources, serveMs] = timed(() => loadCatalogFile(out));
    const mb = (fs.statSync(input).size / 1e6).toFixed(1);
    process.stdout.write(
      [
        `input: ${input} (${count} records, ${mb} MB NDJSON)`,
        `beacon-catalog load --out: ${(loadMs / 1000).toFixed(2)} s wall (${Math.round((count * 1000) / loadMs)} records/s; target < 20 s) ${loadMs < 20_000 ? 'OK' : 'OVER'}`,
        `service start-up read of the file: ${(serveMs / 1000).toFixed(2)} s for ${resources.length} records`,
        `loader output:\n${run.stderr.trim()}`,
        '',
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
