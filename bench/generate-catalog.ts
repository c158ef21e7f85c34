/**
 * Writes a deterministic synthetic catalog as NDJSON (one v2 item per line).
 * Run: npx tsx bench/generate-catalog.ts --count 100000 [--seed 7] [--out bench/data/catalog-100000.ndjson]
 */
import { parseArgs } from 'node:util';
import { catalogPath, writeCatalog } from './generate/write-catalog';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '7' },
      out: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const out = values.out ?? catalogPath(count, seed);
  const ms = await writeCatalog(out, count, seed);
  console.log(`${count} resources -> ${out} in ${(ms / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
