import type { Express } from 'express';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import type { CatalogResource } from '../../src/model/catalog-resource';
import { AUDIENCE, ISSUER, type LocalIssuer } from './local-issuer';

export const AUTH_KEY = 'legacy-auth-key-0123456789';

export interface TieredCatalog {
  resources: CatalogResource[];
  registered: string;
  controlled: [string, string];
  /** A resource that stays public. */
  open: string;
}

/** The fixtures with one registered and two controlled resources; the fourth stays public. */
export function tieredCatalog(): TieredCatalog {
  const resources = fixtureCatalog().map((r) => ({ ...r }));
  const [a, b, c, d] = resources as [CatalogResource, CatalogResource, CatalogResource, CatalogResource];
  a.accessLevel = 'registered';
  b.accessLevel = 'controlled';
  c.accessLevel = 'controlled';
  return { resources, registered: a.id, controlled: [b.id, c.id], open: d.id };
}

/** The app over a tiered catalog, trusting the local issuer's tokens and the legacy auth key. */
export function createTieredApp(issuer: LocalIssuer, catalog: TieredCatalog): Express {
  return createTestApp({
    resources: catalog.resources,
    config: { authIssuer: ISSUER, authJwksUri: issuer.jwksUri, authAudience: AUDIENCE, authKeys: [AUTH_KEY] },
  });
}
