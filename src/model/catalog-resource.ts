/**
 * The canonical stored document: one per catalog resource, normalised from an
 * `ejprd-resources-v2.0.0` item. Every store holds exactly this shape and every
 * renderer (v1, v2, CSV) is a pure function of it.
 */

export const RESOURCE_TYPES = ['ejprd:Biobank', 'ejprd:PatientRegistry', 'ejprd:Guideline', 'dcat:Dataset'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const POPULATION_COVERAGES = ['National', 'International', 'Regional', 'European'] as const;
export type PopulationCoverage = (typeof POPULATION_COVERAGES)[number];

export const ACCESS_LEVELS = ['public', 'registered', 'controlled'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export interface Publisher {
  id: string;
  title: string;
  description?: string;
  homepage?: string;
  logo?: string;
}

export interface CatalogResource {
  /** `@id` of the v2 item; unique in a catalog; results are sorted by it. */
  id: string;
  type: ResourceType;
  title: string;
  description?: string;
  /** Canonical theme ids (`src/model/theme-id.ts`): `ordo:Orphanet_<n>`, `hp:<7 digits>`, `CLO:0037308`, or an IRI. */
  themes: string[];
  /** ISO 3166-1 alpha-2 (`GR`, never `EL`), from `publisher.spatial`. */
  country?: string;
  publisher?: Publisher;
  landingPages: string[];
  logo?: string;
  language: string[];
  license: string;
  personalData: 'true' | 'false';
  populationCoverage?: PopulationCoverage;
  vpConnection: string;
  keyword: string[];
  conformsTo?: string;
  accessRights?: string;
  hasPolicy?: string;
  /** Who may see the record (issue 6); absent means public. */
  accessLevel?: AccessLevel;
  /** ISO 8601 date or date-time. */
  created?: string;
  updated?: string;
}
