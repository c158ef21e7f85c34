/**
 * Loads the shipped HPO + ORDO releases and prints load time and memory growth.
 * Run: npx tsx bench/ontology-load.ts   (add --expose-gc via NODE_OPTIONS for a settled heap figure)
 */
import { join } from 'node:path';
import { loadOntologies } from '../src/ontology';
import { themeClosuresOf } from '../src/ontology/theme-closures';

const FILES = [
  join(__dirname, '..', 'fixtures', 'ontologies', 'hp.v2026-01-08.json.gz'),
  join(__dirname, '..', 'fixtures', 'ontologies', 'ordo_en_4.2.owl.gz'),
];

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const settle = (): void => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  settle();
  const before = process.memoryUsage();
  const started = performance.now();
  const index = await loadOntologies(FILES, {
    onLoaded: (v, ms) => console.log(`  ${v.prefix} ${v.version}: ${v.terms} active terms in ${ms.toFixed(0)} ms`),
  });
  const loadMs = performance.now() - started;
  const closureStart = performance.now();
  const ids = ['hp:0001251', 'hp:0001166', 'ordo:Orphanet_284963', 'ordo:Orphanet_79254'];
  const closures = themeClosuresOf(index);
  for (let i = 0; i < 10_000; i += 1) closures.union(ids);
  const closureMs = performance.now() - closureStart;
  settle();
  const after = process.memoryUsage();
  console.log(`load: ${loadMs.toFixed(0)} ms for ${index.versions.map((v) => `${v.prefix}=${v.terms}`).join(', ')}`);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `rss: +${mb(after.rss - before.rss)} after load (process peak ${mb(peakRss)}, +${mb(peakRss - before.rss)})`,
  );
  console.log(
    `heapUsed: +${mb(after.heapUsed - before.heapUsed)}${(globalThis as { gc?: unknown }).gc ? ' (after gc)' : ''}`,
  );
  console.log(`theme closures' union: 10,000 x 4 themes in ${closureMs.toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
