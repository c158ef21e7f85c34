/**
 * Reloading swaps the embedded store's catalog whole (`replaceAll`): queries answered while
 * catalogs are swapped back and forth must each describe one catalog, never a mix.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { syntheticCatalog } from '../support/synthetic-catalog';
import { MemoryStore } from '../../src/store/memory/memory-store';
import type { CatalogResource } from '../../src/model/catalog-resource';

const V2 = {
  meta: { apiVersion: 'v2.0.0', requestedSchemas: ['ejprd-resources-v2.0.0'] },
  query: { filters: [], requestedGranularity: 'record', pagination: { limit: 1000 } },
};
const COUNT = { meta: { apiVersion: 'v2.0.0' }, query: { filters: [], requestedGranularity: 'count' } };
const ROUNDS = 20;
const REQUESTS_PER_ROUND = 15;

/** The old catalog: the fixtures, one of them registered (so an anonymous query runs several store reads). */
function oldCatalog(): CatalogResource[] {
  return fixtureCatalog().map((r, index) => (index === 0 ? { ...r, accessLevel: 'registered' as const } : r));
}

/** The new catalog: smaller, sharing no id, one of its resources controlled. */
function newCatalog(): CatalogResource[] {
  return syntheticCatalog(7, 2).map((r, index) => (index === 1 ? { ...r, accessLevel: 'controlled' as const } : r));
}

/** What a client sees of an answer: everything that depends on the catalog. */
function seen(res: request.Response): unknown {
  const results: Record<string, string>[] = res.body.response?.resultSets?.[0]?.results ?? [];
  return {
    status: res.status,
    summary: res.body.responseSummary,
    notes: res.body.info?.notes,
    ids: results.map((item) => item['@id']),
  };
}

async function answerFrom(resources: CatalogResource[], body: object): Promise<unknown> {
  return seen(await request(createTestApp({ resources })).post('/catalogs').send(body));
}

describe('catalog reload under load', () => {
  const before = oldCatalog();
  const after = newCatalog();

  test.each([
    ['record', V2],
    ['count', COUNT],
  ])(
    'when %s queries run while the catalog is swapped back and forth, then every answer is wholly the old or wholly the new catalog',
    async (_kind, body) => {
      const expected = [await answerFrom(before, body), await answerFrom(after, body)];
      expect(expected[0]).not.toEqual(expected[1]);
      const store = new MemoryStore(before);
      const server = http.createServer(createTestApp({ deps: { store } }));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const answers: Promise<request.Response>[] = [];
        for (let round = 0; round < ROUNDS; round += 1) {
          const inRound = Array.from({ length: REQUESTS_PER_ROUND }, () =>
            request(url)
              .post('/catalogs')
              .send(body)
              .then((res) => res),
          );
          answers.push(...inRound);
          // One answer per round lands before the swap, so both catalogs are certainly seen.
          await inRound[0];
          await store.replaceAll(round % 2 === 0 ? after : before);
        }

        const seenAnswers = (await Promise.all(answers)).map(seen);

        const strays = seenAnswers.filter(
          (answer) => !expected.some((whole) => JSON.stringify(whole) === JSON.stringify(answer)),
        );
        expect(strays).toEqual([]);
        expect(seenAnswers).toHaveLength(ROUNDS * REQUESTS_PER_ROUND);
        const fromEach = expected.map((whole) =>
          seenAnswers.some((answer) => JSON.stringify(answer) === JSON.stringify(whole)),
        );
        expect(fromEach).toEqual([true, true]);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  );
});
