/**
 * Benchmark (not a test): the embedded store's start-up stages one by one, with the time
 * and memory each takes: ontologies and the streamed catalog (normalised here, checked and
 * its titles indexed in a worker thread), then the store's other indexes (theme ancestors
 * derived per theme). Run it under `--cpu-prof` or
 * `--expose-gc` to see where the time goes. Usage: `node --expose-gc --import tsx
 * bench/startup-stages.ts [catalog file]`.
 */
import { loadOntologies } from '../src/ontology';
import { loadEmbeddedCatalog, type EmbeddedCatalog } from '../src/catalog/load-embedded-catalog';
import { MemoryStore } from '../src/store/memory/memory-store';
import { ONTOLOGY_FILES } from './generate/theme-pool';

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

function report(stage: string, started: number): void {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `${stage}: ${ms} ms; rss ${mb(rss)}, heap used ${mb(heapUsed)}, external ${mb(external)} (array buffers ${mb(arrayBuffers)})\n`,
  );
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? 'bench/data/catalog-1000000-seed7.ndjson';
  let started = performance.now();
  // Together, as `npm start` loads them.
  let catalog: EmbeddedCatalog | undefined = await loadEmbeddedCatalog(file, loadOntologies(ONTOLOGY_FILES));
  report(`ontologies and catalog (${catalog.resources.length} resources)`, started);
  started = performance.now();
  const { resources, ...extras } = catalog;
  const store = await MemoryStore.build(resources, extras);
  catalog = undefined;
  report('store', started);
  const { total } = await store.find({}, { offset: 0, limit: 0 }, false);
  process.stdout.write(`stored: ${total}\n`);
}

void main();
