import type { Config } from '../config/config';
import { DEFAULT_API_VERSION } from '../request/catalog-request';
import { SERVICE_VERSION, beaconOrganization, defined } from './beacon-identity';

/** `response` of `/` and `/info` (`sections/beaconInfoResults.json`). */
export function beaconInfo(config: Readonly<Config>): Record<string, unknown> {
  return defined({
    id: config.beaconId,
    name: config.beaconName,
    apiVersion: DEFAULT_API_VERSION,
    environment: config.environment,
    organization: beaconOrganization(config),
    description: config.beaconDescription,
    version: SERVICE_VERSION,
    welcomeUrl: config.welcomeUrl ?? config.publicUrl,
    alternativeUrl: `${config.publicUrl}/docs`,
    createDateTime: config.createdAt,
    updateDateTime: config.updatedAt,
  });
}
