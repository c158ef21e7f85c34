import type { Config } from '../config/config';
import { DEFAULT_API_VERSION } from '../request/catalog-request';
import type { OntologyVersion } from '../ontology';
import { SERVICE_VERSION, beaconOrganization, defined } from './beacon-identity';

/** The ontology releases in use; HPO's licence asks that its version is shown wherever it is used. */
function ontologyInfo(versions: readonly OntologyVersion[]): Record<string, unknown> | undefined {
  if (versions.length === 0) return undefined;
  return { ontologies: versions.map(({ prefix, name, version, terms }) => ({ prefix, name, version, terms })) };
}

/** `response` of `/` and `/info` (`sections/beaconInfoResults.json`). */
export function beaconInfo(
  config: Readonly<Config>,
  ontologies: readonly OntologyVersion[] = [],
): Record<string, unknown> {
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
    info: ontologyInfo(ontologies),
  });
}
