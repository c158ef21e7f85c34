import type { Config } from '../config/config';
import type { CatalogResource } from '../model/catalog-resource';
import type { Principal } from './principal';
import { levelGranularity } from './access-policy';
import type { Granularity } from '../model/granularity';

/**
 * The most a caller may see of one resource: a visa grant for its `@id` makes it a record,
 * otherwise its level decides (absent means public). The per-resource reading of the
 * clause `visibleAt` (src/query/access-clause.ts) adds to list queries; a unit test keeps the two in step.
 */
export function resourceGranularity(
  resource: Pick<CatalogResource, 'id' | 'accessLevel'>,
  principal: Principal,
  config: Pick<Config, 'registeredGranularity' | 'controlledGranularity'>,
): Granularity {
  if (principal.kind === 'token' && principal.grants.has(resource.id)) return 'record';
  return levelGranularity(resource.accessLevel ?? 'public', principal, config);
}
