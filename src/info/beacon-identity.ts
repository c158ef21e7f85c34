import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config';

/** Read, not imported: `package.json` lies outside the `src/` that the build emits to `dist/`. */
const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

/** The service's own release, as `version` in `/info` and `/service-info`. */
export const SERVICE_VERSION = `v${packageJson.version}`;

/** Drops undefined values so optional settings leave no `null`s or empty keys behind. */
export function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

/** The organisation block of `/info` (`BeaconOrganization`), from configuration only. */
export function beaconOrganization(config: Readonly<Config>): Record<string, unknown> {
  return defined({
    id: config.organizationId,
    name: config.organizationName,
    welcomeUrl: config.welcomeUrl,
    contactUrl: config.contactUrl,
    logoUrl: config.logoUrl,
  });
}
