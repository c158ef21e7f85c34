import { ANONYMOUS } from '../../src/auth/principal';
import { findForPrincipal } from '../../src/auth/find-for-principal';
import type { Config } from '../../src/config/config';
import type { FilterOntology } from '../../src/filters/filter-types';
import { DEFAULT_FILTER_LIMITS } from '../../src/filters/filter-limits';
import { parseFilters } from '../../src/filters/parse-filters';
import { hasTextFilter } from '../../src/filters/has-text-filter';
import { buildQuery } from '../../src/query/build-query';
import { queryResponse } from '../../src/render/envelope';
import { chooseItemSchema } from '../../src/render/item-schemas';
import { renderV1Item } from '../../src/render/v1-item';
import { renderV2Item } from '../../src/render/v2-item';
import { readCatalogRequest } from '../../src/request/catalog-request';
import type { CatalogStore } from '../../src/store/catalog-store';
import type { QueryShape } from './query-shapes';
import type { InProcessTiming } from './server-messages';

/**
 * The catalogs handler's steps without HTTP: body -> filters -> query -> tiered access (an
 * anonymous caller, as under load) -> store -> render -> JSON text.
 */
async function answer(
  body: unknown,
  config: Readonly<Config>,
  store: CatalogStore,
  ontology?: FilterOntology,
): Promise<{ total: number; bytes: number }> {
  const request = readCatalogRequest(structuredClone(body), config);
  const filters = parseFilters(request.filters, {
    includeDescendantTermsDefault: config.includeDescendantTermsDefault,
    limits: DEFAULT_FILTER_LIMITS,
    ontology,
  });
  const choice = chooseItemSchema(request.requestedSchemas, filters.dialects, config.defaultSchema);
  const granularity = request.requestedGranularity;
  const { skip, limit } = request.pagination;
  const found = await findForPrincipal(
    store,
    buildQuery(filters.groups),
    { offset: skip * limit, limit },
    granularity,
    ANONYMOUS,
    config,
    hasTextFilter(filters.groups),
  );
  const render = choice.schema === 'v1' ? renderV1Item : renderV2Item;
  const envelope = {
    identity: config,
    request,
    echoFilters: filters.echo,
    schema: choice.schema,
    granularity: found.granularity,
  };
  const text = JSON.stringify(
    queryResponse(envelope, { total: found.total, results: found.records.map(render), info: undefined }),
  );
  return { total: found.total, bytes: text.length };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

interface Deps {
  config: Readonly<Config>;
  store: CatalogStore;
  ontology?: FilterOntology;
}

/** `iterations` timed answers of one body after 20 untimed ones; samples sorted. */
async function timeShape(body: unknown, deps: Deps, iterations: number): Promise<{ total: number; samples: number[] }> {
  let total = 0;
  for (let i = 0; i < 20; i += 1) total = (await answer(body, deps.config, deps.store, deps.ontology)).total;
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await answer(body, deps.config, deps.store, deps.ontology);
    samples.push(performance.now() - started);
  }
  return { total, samples: samples.sort((a, b) => a - b) };
}

/**
 * Median and p99 over `iterations` runs of each shape, after a short warm-up: on `uncached`
 * (a store keeping no answers, so every run does the whole query) and, for the median of a
 * repeat, on the served store with its answer cache.
 */
export async function timeInProcess(
  shapes: readonly QueryShape[],
  limits: readonly number[],
  deps: Deps & { uncached: CatalogStore },
  iterations = 200,
): Promise<InProcessTiming[]> {
  const timings: InProcessTiming[] = [];
  for (const limit of limits) {
    for (const shape of shapes) {
      const body = shape.body(limit);
      const cold = await timeShape(body, { ...deps, store: deps.uncached }, iterations);
      const warm = await timeShape(body, deps, iterations);
      timings.push({
        shape: shape.name,
        limit,
        total: cold.total,
        medianMs: quantile(cold.samples, 0.5),
        p99Ms: quantile(cold.samples, 0.99),
        cachedMedianMs: quantile(warm.samples, 0.5),
      });
    }
  }
  return timings;
}
