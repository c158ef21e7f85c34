import { ANONYMOUS } from '../../src/auth/principal';
import { answerCatalogQuery, type CatalogQueryDeps } from '../../src/pipeline/answer-catalog-query';
import { catalogAnswerJson } from '../../src/pipeline/catalog-answer-json';
import { createItemJsonBySchema, type ItemJsonBySchema } from '../../src/render/item-json-by-schema';
import { readCatalogRequest } from '../../src/request/catalog-request';
import type { CatalogStore } from '../../src/store/catalog-store';
import type { QueryShape } from './query-shapes';
import type { InProcessTiming } from './server-messages';

/**
 * What POST /catalogs answers an anonymous caller (as under load), without HTTP: the body
 * read as the handler reads it, answered by the handler's own pipeline function, and
 * rendered to the JSON text it sends, item JSON kept in `itemJson` as the handler keeps it.
 */
export async function answerInProcess(
  body: unknown,
  deps: CatalogQueryDeps,
  itemJson: ItemJsonBySchema,
): Promise<{ total: number; text: string }> {
  // A copy, as the handler reads a freshly parsed body: reading normalises enum case in place.
  const request = readCatalogRequest(structuredClone(body), deps.config);
  const answer = await answerCatalogQuery(request, ANONYMOUS, deps);
  return { total: answer.total, text: catalogAnswerJson(answer, itemJson) };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** `iterations` timed answers of one body after 20 untimed ones; samples sorted. */
async function timeShape(
  body: unknown,
  deps: CatalogQueryDeps,
  itemJson: ItemJsonBySchema,
  iterations: number,
): Promise<{ total: number; samples: number[] }> {
  let total = 0;
  for (let i = 0; i < 20; i += 1) total = (await answerInProcess(body, deps, itemJson)).total;
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await answerInProcess(body, deps, itemJson);
    samples.push(performance.now() - started);
  }
  return { total, samples: samples.sort((a, b) => a - b) };
}

/**
 * Median and p99 over `iterations` runs of each shape, after a short warm-up: on `uncached`
 * (a store keeping no answers, so every run does the whole query) and, for the median of a
 * repeat, on the served store with its answer cache. Both keep item JSON, as the handler does.
 */
export async function timeInProcess(
  shapes: readonly QueryShape[],
  limits: readonly number[],
  deps: CatalogQueryDeps & { uncached: CatalogStore },
  iterations = 200,
): Promise<InProcessTiming[]> {
  const itemJson = createItemJsonBySchema();
  const timings: InProcessTiming[] = [];
  for (const limit of limits) {
    for (const shape of shapes) {
      const body = shape.body(limit);
      const cold = await timeShape(body, { ...deps, store: deps.uncached }, itemJson, iterations);
      const warm = await timeShape(body, deps, itemJson, iterations);
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
