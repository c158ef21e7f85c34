import fc from 'fast-check';
import type { CatalogResource } from '../../../src/model/catalog-resource';
import { createItemJsonCache } from '../../../src/render/item-json-cache';
import { renderV2Item } from '../../../src/render/v2-item';
import { syntheticCatalog } from '../../support/synthetic-catalog';

/**
 * The bound is checked with cycles, which every eviction rule keeping the most recent
 * `capacity` objects (oldest first, or least recently used) answers alike.
 */
describe('createItemJsonCache', () => {
  const catalog = syntheticCatalog(12);

  test('when random sequences of resources are rendered, then each text is the JSON of its rendering', () => {
    const itemJson = createItemJsonCache(renderV2Item, 4);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...catalog), { maxLength: 40 }), (resources) => {
        for (const resource of resources) expect(itemJson(resource)).toBe(JSON.stringify(renderV2Item(resource)));
      }),
      { numRuns: 100, seed: 20261215 },
    );
  });

  test('when one object is asked for many times, then it is rendered once', () => {
    const render = jest.fn(renderV2Item);
    const itemJson = createItemJsonCache(render, 4);
    const [resource] = catalog as [CatalogResource];
    for (let i = 0; i < 5; i += 1) itemJson(resource);
    expect(render).toHaveBeenCalledTimes(1);
  });

  test('when a reload brings a new object for the same id, then the new object is rendered, not the old text', () => {
    const itemJson = createItemJsonCache(renderV2Item, 4);
    const [resource] = catalog as [CatalogResource];
    itemJson(resource);
    const reloaded = { ...resource, title: 'Renamed registry' };
    expect(itemJson(reloaded)).toBe(JSON.stringify(renderV2Item(reloaded)));
    expect(itemJson(reloaded)).toContain('Renamed registry');
  });

  test('when the objects asked for cycle through exactly `capacity` of them, then each is rendered once', () => {
    const render = jest.fn(renderV2Item);
    const itemJson = createItemJsonCache(render, 5);
    for (let round = 0; round < 4; round += 1) for (const resource of catalog.slice(0, 5)) itemJson(resource);
    expect(render).toHaveBeenCalledTimes(5);
  });

  test('when the objects asked for cycle through one more than `capacity`, then every ask renders again (at most `capacity` are kept)', () => {
    const render = jest.fn(renderV2Item);
    const itemJson = createItemJsonCache(render, 5);
    for (let round = 0; round < 4; round += 1) for (const resource of catalog.slice(0, 6)) itemJson(resource);
    expect(render).toHaveBeenCalledTimes(4 * 6);
  });
});
