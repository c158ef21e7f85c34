import type { Config } from '../config/config';
import type { CatalogStore, CatalogTerms } from '../store/catalog-store';
import type { Principal } from './principal';
import { levelsVisibleAt } from '../query/access-clause';

/**
 * What `/filtering_terms` may name for the caller: the terms of the resources it may at
 * least count (its tier's levels, and the controlled resources its visas grant). A term
 * that only resources answered yes/no carry stays unnamed: naming it would say which
 * diseases those withheld resources are about.
 */
export async function termsForPrincipal(
  store: CatalogStore,
  principal: Principal,
  config: Pick<Config, 'registeredGranularity' | 'controlledGranularity'>,
): Promise<CatalogTerms> {
  const levels = levelsVisibleAt('count', principal, config);
  if (!levels) return store.terms();
  const terms = await store.terms(levels);
  if (principal.kind !== 'token' || principal.grants.size === 0) return terms;
  const granted = await Promise.all([...principal.grants].map((id) => store.findById(id)));
  const themes = new Set(terms.themes);
  const types = new Set(terms.types);
  const countries = new Set(terms.countries);
  for (const resource of granted) {
    if (!resource) continue;
    resource.themes.forEach((theme) => themes.add(theme));
    types.add(resource.type);
    if (resource.country !== undefined) countries.add(resource.country);
  }
  return { themes: [...themes].sort(), types: [...types].sort(), countries: [...countries].sort() };
}
