import type { Config } from '../config/config';
import { catalogEntryTypes } from '../http/entry-types-handler';

export const CONFIGURATION_SCHEMA_URL =
  'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/framework/json/configuration/beaconConfigurationSchema.json';

/**
 * `response` of `/configuration` (`configuration/beaconConfigurationSchema.json`). The
 * schema names no maximum granularity; `maxGranularity` rides along in `securityAttributes`,
 * which allows extra keys.
 */
/** PUBLIC always; REGISTERED once callers can prove who they are; CONTROLLED once visas can be verified. */
function securityLevels(config: Readonly<Config>): string[] {
  const registered = config.authIssuer !== undefined || config.authKeys.length > 0;
  return ['PUBLIC', ...(registered ? ['REGISTERED'] : []), ...(config.authIssuer !== undefined ? ['CONTROLLED'] : [])];
}

export function beaconConfiguration(config: Readonly<Config>): Record<string, unknown> {
  return {
    $schema: CONFIGURATION_SCHEMA_URL,
    maturityAttributes: { productionStatus: config.productionStatus },
    securityAttributes: {
      defaultGranularity: config.defaultGranularity,
      maxGranularity: config.maxGranularity,
      securityLevels: securityLevels(config),
    },
    ...catalogEntryTypes(config.defaultSchema),
  };
}
