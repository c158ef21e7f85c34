import type { CatalogResource } from '../model/catalog-resource';

/** Joins list values inside one manifest cell (the same separator as the /catalogs CSV). */
export const MANIFEST_LIST_SEPARATOR = '|';

/** Where a column's value goes in a v2 item: a top-level field, or a field of its publisher. */
export type ManifestTarget = { item: string } | { publisher: string } | { country: true };

export interface ManifestColumn {
  name: string;
  /** List columns are split on `|`; an empty cell is an empty list. */
  list: boolean;
  target: ManifestTarget;
  /** The cell an exported resource gets. */
  cell: (r: CatalogResource) => string | readonly string[] | undefined;
}

const text = (name: string, field: string, cell: ManifestColumn['cell']): ManifestColumn => ({
  name,
  list: false,
  target: { item: field },
  cell,
});
const list = (name: string, field: string, cell: ManifestColumn['cell']): ManifestColumn => ({
  name,
  list: true,
  target: { item: field },
  cell,
});
const publisher = (name: string, field: string, cell: ManifestColumn['cell']): ManifestColumn => ({
  name,
  list: false,
  target: { publisher: field },
  cell,
});

/**
 * The manifest header: the /catalogs CSV header (so a CSV answer loads back), then the
 * publisher's description, homepage and logo, which the answer leaves out. Order is free
 * on input; `id` is the only column a manifest must have.
 */
export const MANIFEST_COLUMNS: readonly ManifestColumn[] = [
  text('id', '@id', (r) => r.id),
  text('type', '@type', (r) => r.type),
  text('title', 'title', (r) => r.title),
  text('description', 'description', (r) => r.description),
  list('themes', 'theme', (r) => r.themes),
  { name: 'country', list: false, target: { country: true }, cell: (r) => r.country },
  publisher('publisherId', '@id', (r) => r.publisher?.id),
  publisher('publisher', 'title', (r) => r.publisher?.title),
  list('landingPages', 'landingPage', (r) => r.landingPages),
  text('logo', 'logo', (r) => r.logo),
  list('language', 'language', (r) => r.language),
  text('license', 'license', (r) => r.license),
  text('personalData', 'personalData', (r) => r.personalData),
  text('populationCoverage', 'populationCoverage', (r) => r.populationCoverage),
  text('vpConnection', 'vpConnection', (r) => r.vpConnection),
  list('keywords', 'keyword', (r) => r.keyword),
  text('conformsTo', 'conformsTo', (r) => r.conformsTo),
  text('accessRights', 'accessRights', (r) => r.accessRights),
  text('hasPolicy', 'hasPolicy', (r) => r.hasPolicy),
  text('created', 'created', (r) => r.created),
  text('updated', 'updated', (r) => r.updated),
  publisher('publisherDescription', 'description', (r) => r.publisher?.description),
  publisher('publisherHomepage', 'homepage', (r) => r.publisher?.homepage),
  publisher('publisherLogo', 'logo', (r) => r.publisher?.logo),
];

export const MANIFEST_HEADER: readonly string[] = MANIFEST_COLUMNS.map((c) => c.name);
