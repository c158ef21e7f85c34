/**
 * The embedded store alone: median and p99 of `findForPrincipal` (an anonymous caller, as
 * under load) for each bench query shape, at pages of 10 and 100, on the served store (answer
 * cache on) and on `withoutAnswerCache()`. Each run parses the body and builds its query
 * document anew, as a request does; only the store's part is timed. The catalog is the
 * bench's, loaded as `npm start` loads it. A/B across builds: run it in each checkout.
 * Run: npx tsx bench/store-find.ts [--count 100000] [--seed 7] [--iterations 400]
 */
import { parseArgs } from 'node:util';
import { ANONYMOUS } from '../src/auth/principal';
import { findForPrincipal } from '../src/auth/find-for-principal';
import { loadEmbeddedCatalog } from '../src/catalog/load-embedded-catalog';
import { loadConfig } from '../src/config/config';
import { filterLimitsFrom } from '../src/filters/filter-limits';
import { hasTextFilter } from '../src/filters/has-text-filter';
import { parseFilters } from '../src/filters/parse-filters';
import { loadOntologies } from '../src/ontology';
import { buildQuery } from '../src/query/build-query';
import { readCatalogRequest } from '../src/request/catalog-request';
import type { CatalogStore } from '../src/store/catalog-store';
import { MemoryStore } from '../src/store/memory/memory-store';
import { ONTOLOGY_FILES } from './generate/theme-pool';
import { catalogPath, writeCatalog } from './generate/write-catalog';
import { QUERY_SHAPES } from './harness/query-shapes';
import fs from 'node:fs';

const WARM_UP = 50;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '7' },
      iterations: { type: 'string', default: '400' },
    },
  });
  const count = Number(values.count);
  const iterations = Number(values.iterations);
  const file = catalogPath(count, Number(values.seed));
  if (!fs.existsSync(file)) await writeCatalog(file, count, Number(values.seed));
  const config = loadConfig({}, [], { logLevel: 'silent' });
  const ontology = await loadOntologies(ONTOLOGY_FILES);
  const { resources, ...extras } = await loadEmbeddedCatalog(file, ontology);
  const served = await MemoryStore.build(resources, {
    ...extras,
    answerCacheBytes: config.answerCacheMb * 1024 * 1024,
  });
  const stores: [string, CatalogStore][] = [
    ['without answer cache', served.withoutAnswerCache()],
    ['answer cache', served],
  ];
  const themePrefixes = await served.themePrefixes();
  console.log(`| shape | page | store | median µs | p99 µs | total |\n|---|---:|---|---:|---:|---:|`);
  for (const limit of [10, 100]) {
    for (const shape of QUERY_SHAPES) {
      for (const [label, store] of stores) {
        const samples: number[] = [];
        let total = 0;
        for (let i = 0; i < WARM_UP + iterations; i += 1) {
          const request = readCatalogRequest(JSON.parse(JSON.stringify(shape.body(limit))), config);
          const filters = parseFilters(request.filters, {
            includeDescendantTermsDefault: config.includeDescendantTermsDefault,
            limits: filterLimitsFrom(config),
            ontology,
            themePrefixes,
          });
          const query = buildQuery(filters.groups);
          const { skip, limit: size } = request.pagination;
          const started = performance.now();
          const found = await findForPrincipal(
            store,
            query,
            { offset: skip * size, limit: size },
            request.requestedGranularity,
            ANONYMOUS,
            config,
            hasTextFilter(filters.groups),
          );
          if (i >= WARM_UP) samples.push((performance.now() - started) * 1000);
          total = found.total;
        }
        samples.sort((a, b) => a - b);
        console.log(
          `| ${shape.name} | ${limit} | ${label} | ${quantile(samples, 0.5).toFixed(1)} | ${quantile(samples, 0.99).toFixed(1)} | ${total} |`,
        );
      }
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
