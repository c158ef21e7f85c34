import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { generateCatalog } from './generate-catalog';
import { loadThemePool } from './theme-pool';

export const DATA_DIR = path.join(__dirname, '..', 'data');

export function catalogPath(count: number, seed: number): string {
  return path.join(DATA_DIR, `catalog-${count}-seed${seed}.ndjson`);
}

/** Streams the generated items to `file` (NDJSON), respecting back-pressure; returns ms taken. */
export async function writeCatalog(file: string, count: number, seed: number): Promise<number> {
  const started = performance.now();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const pool = await loadThemePool();
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  let buffer = '';
  for (const item of generateCatalog(count, seed, pool)) {
    buffer += `${JSON.stringify(item)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  fs.renameSync(partial, file);
  return performance.now() - started;
}

/** The catalog file for (count, seed), generated once and reused. */
export async function ensureCatalog(count: number, seed: number): Promise<string> {
  const file = catalogPath(count, seed);
  if (!fs.existsSync(file)) await writeCatalog(file, count, seed);
  return file;
}
