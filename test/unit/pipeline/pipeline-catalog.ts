import type { AccessLevel, CatalogResource, ResourceType } from '../../../src/model/catalog-resource';
import type { Principal } from '../../../src/auth/principal';

function resource(n: number, type: ResourceType, theme: string, accessLevel?: AccessLevel): CatalogResource {
  return {
    id: `https://example.org/r/${n}`,
    type,
    title: `Resource ${n}`,
    themes: [theme],
    country: 'DE',
    landingPages: [`https://example.org/landing/${n}`],
    language: ['en'],
    license: 'https://creativecommons.org/licenses/by/4.0/',
    personalData: 'false',
    vpConnection: 'https://w3id.org/ejp-rd/vocabulary#VPDiscoverable',
    keyword: [],
    ...(accessLevel ? { accessLevel } : {}),
  };
}

/** Five resources: two public, one registered and one controlled on Orphanet_558, one public NCIT theme. */
export const PIPELINE_CATALOG: readonly CatalogResource[] = [
  resource(1, 'ejprd:PatientRegistry', 'ordo:Orphanet_558'),
  resource(2, 'ejprd:Biobank', 'ordo:Orphanet_558'),
  resource(3, 'ejprd:PatientRegistry', 'ordo:Orphanet_558', 'registered'),
  resource(4, 'ejprd:PatientRegistry', 'ordo:Orphanet_558', 'controlled'),
  resource(5, 'ejprd:PatientRegistry', 'NCIT:C2991'),
];

export const byNumber = (n: number): CatalogResource => PIPELINE_CATALOG[n - 1]!;

export const ANONYMOUS_CALLER: Principal = { kind: 'anonymous' };
export const REGISTERED_CALLER: Principal = { kind: 'auth-key' };

export const V2_META = { requestedSchemas: ['ejprd-resources-v2.0.0'] };
