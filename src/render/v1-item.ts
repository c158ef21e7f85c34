import type { CatalogResource } from '../model/catalog-resource';
import { countryName, isPortalCountry, portalCountryCode } from '../model/countries';
import { V1_TYPE_NAMES } from '../filters/resource-types';

/**
 * `ejprd-resources-v1.0.0` as the VP portal parses it (`../shared/specs/NOTES.md`), which
 * differs from the published schema in two places (see `schemas/README.md`): `homepage` is
 * one string, the first landing page, because the portal reads a string and fails the whole
 * answer on an array; and the top-level `location` goes out only for the portal's 28
 * countries, because any other code fails the whole answer too.
 */
export function renderV1Item(resource: CatalogResource): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: resource.id,
    type: V1_TYPE_NAMES[resource.type],
    name: resource.title,
  };
  if (resource.description !== undefined) item.description = resource.description;
  const [homepage] = resource.landingPages;
  if (homepage !== undefined) item.homepage = homepage;
  const country = resource.country ? portalCountryCode(resource.country) : undefined;
  // The v1 organisation schema requires a location, so a publisher goes out only with one.
  if (resource.publisher && resource.country && country) {
    const { id, title, description, homepage: publisherHomepage } = resource.publisher;
    item.publisher = {
      id,
      name: title,
      title,
      ...(description !== undefined && { description }),
      ...(publisherHomepage !== undefined && { homepage: publisherHomepage }),
      location: { code: country, title: countryName(resource.country) },
    };
  }
  if (country && isPortalCountry(country)) item.location = { country };
  return item;
}
