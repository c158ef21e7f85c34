import type { CatalogResource } from '../model/catalog-resource';
import { countryName } from '../model/countries';
import { EJPRD_CONTEXT_URL } from './item-schemas';

/** Drops the keys whose value is undefined, keeping the order of the rest. */
function compact(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

function nonEmpty(values: readonly string[]): string[] | undefined {
  return values.length > 0 ? [...values] : undefined;
}

function renderPublisher(r: CatalogResource): Record<string, unknown> | undefined {
  if (!r.publisher) return undefined;
  const { id, title, description, homepage, logo } = r.publisher;
  const place = r.country ? { spatial: { title: r.country }, location: { title: countryName(r.country) } } : {};
  return compact({ '@id': id, title, description, homepage, logo, ...place });
}

/**
 * `ejprd-resources-v2.0.0` JSON-LD: the inverse of the loader's normalisation, so a
 * catalog exported in v2 loads back unchanged. The publisher carries `location` because
 * the organisation schema requires it.
 */
export function renderV2Item(r: CatalogResource): Record<string, unknown> {
  return compact({
    '@context': EJPRD_CONTEXT_URL,
    '@id': r.id,
    '@type': r.type,
    title: r.title,
    description: r.description,
    logo: r.logo,
    populationCoverage: r.populationCoverage,
    theme: [...r.themes],
    vpConnection: r.vpConnection,
    landingPage: nonEmpty(r.landingPages),
    personalData: r.personalData,
    language: [...r.language],
    license: r.license,
    keyword: nonEmpty(r.keyword),
    conformsTo: r.conformsTo,
    accessRights: r.accessRights,
    hasPolicy: r.hasPolicy,
    created: r.created,
    updated: r.updated,
    publisher: renderPublisher(r),
    spatial: !r.publisher && r.country ? { title: r.country } : undefined,
  });
}
