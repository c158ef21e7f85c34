import type { Config } from '../config/config';
import { SERVICE_VERSION, defined } from './beacon-identity';

/** GA4GH service-info 1.0.0 (`responses/ga4gh-service-info-1-0-0-schema.json`): a bare object, no envelope. */
export function serviceInfo(config: Readonly<Config>): Record<string, unknown> {
  return defined({
    id: config.beaconId,
    name: config.beaconName,
    type: { group: 'org.ga4gh', artifact: 'beacon', version: 'v2.0.0' },
    description: config.beaconDescription,
    organization: { name: config.organizationName, url: config.welcomeUrl ?? config.publicUrl },
    contactUrl: config.contactUrl,
    documentationUrl: `${config.publicUrl}/docs`,
    createdAt: config.createdAt,
    updatedAt: config.updatedAt,
    environment: config.environment,
    version: SERVICE_VERSION,
  });
}
