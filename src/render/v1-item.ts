import type { CatalogResource } from '../model/catalog-resource';
import { countryName, portalCountryCode } from '../model/countries';
import { V1_TYPE_NAMES } from '../filters/resource-types';

/**
 * `ejprd-resources-v1.0.0`: what the VP portal parses. `homepage` is an array, as the
 * schema requires (the portal reads a string; see README). Countries in the portal's codes.
 */
export function renderV1Item(resource: CatalogResource): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: resource.id,
    type: V1_TYPE_NAMES[resource.type],
    name: resource.title,
  };
  if (resource.description !== undefined) item.description = resource.description;
  item.homepage = [...resource.landingPages];
  const country = resource.country ? portalCountryCode(resource.country) : undefined;
  // The v1 organisation schema requires a location, so a publisher goes out only with one.
  if (resource.publisher && resource.country && country) {
    const { id, title, description, homepage } = resource.publisher;
    item.publisher = {
      id,
      name: title,
      title,
      ...(description !== undefined && { description }),
      ...(homepage !== undefined && { homepage }),
      location: { code: country, title: countryName(resource.country) },
    };
  }
  if (country) item.location = { country };
  return item;
}
