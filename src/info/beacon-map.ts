import type { Config } from '../config/config';
import { ENTITY_TYPE } from '../request/catalog-request';

export const MAP_SCHEMA_URL =
  'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/framework/json/configuration/beaconMapSchema.json';

/**
 * `response` of `/map` (`configuration/beaconMapSchema.json`): every URL absolute, on
 * `PUBLIC_URL`. The set is keyed `catalogs`, after its endpoint, as VP clients look it up;
 * its `entryType` is the entry type id, `catalog`.
 */
export function beaconMap(config: Readonly<Config>): Record<string, unknown> {
  const base = config.publicUrl;
  return {
    $schema: MAP_SCHEMA_URL,
    endpointSets: {
      catalogs: {
        entryType: ENTITY_TYPE,
        openAPIEndpointsDefinition: `${base}/openapi.json`,
        rootUrl: `${base}/catalogs`,
        singleEntryUrl: `${base}/catalogs/{id}`,
        filteringTermsUrl: `${base}/filtering_terms`,
      },
    },
  };
}
