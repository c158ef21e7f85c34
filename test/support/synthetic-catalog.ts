import { RESOURCE_TYPES, type CatalogResource } from '../../src/model/catalog-resource';
import { type ThemeClosure, themeAncestorsOf } from '../../src/store/catalog-store';

const COUNTRIES = ['DE', 'FR', 'GR', 'IT', 'NL'] as const;
/** theme -> its ancestors (a toy ontology): Orphanet_1 is the root of 10 and 20, 10 of 100. */
const THEME_ANCESTORS: Record<string, string[]> = {
  'ordo:Orphanet_100': ['ordo:Orphanet_10', 'ordo:Orphanet_1'],
  'ordo:Orphanet_10': ['ordo:Orphanet_1'],
  'ordo:Orphanet_20': ['ordo:Orphanet_1'],
  'hp:0000118': [],
};
const THEMES = Object.keys(THEME_ANCESTORS);

/** Each theme of the toy ontology with its ancestors, as a catalog load hands it to a store. */
export const syntheticThemeClosure: ThemeClosure = (theme) => [theme, ...(THEME_ANCESTORS[theme] ?? [])];

/** A resource as a store holds it for queries: with its themes' closures as `themeAncestors` (the reference scans match it). */
export function withThemeAncestors(
  resource: CatalogResource,
  closure: ThemeClosure = syntheticThemeClosure,
): CatalogResource & { themeAncestors: string[] } {
  return { ...resource, themeAncestors: themeAncestorsOf(resource.themes, closure) };
}
const TITLE_WORDS = ['Rare', 'rare', 'European', 'Registry of', 'ALPHA', 'Biobank for'] as const;

/**
 * A small catalog written for the tests: `count` resources, deterministic. `generation`
 * changes ids and titles, so a second catalog shares no record with the first.
 */
export function syntheticCatalog(count: number, generation = 1): CatalogResource[] {
  return Array.from({ length: count }, (_, index) => resource(index, generation));
}

function resource(index: number, generation: number): CatalogResource {
  const themes = [THEMES[index % THEMES.length] ?? 'hp:0000118'];
  if (index % 7 === 0) themes.push('hp:0000118');
  const word = TITLE_WORDS[index % TITLE_WORDS.length] ?? 'Rare';
  const number = String(100 - index).padStart(3, '0');
  return {
    // Ids deliberately not in insertion order, so sorting is observable.
    id: `https://example.org/g${generation}/resource/${number}`,
    type: RESOURCE_TYPES[index % RESOURCE_TYPES.length] ?? 'dcat:Dataset',
    title: `${word} resource ${index} (gen ${generation})`,
    ...(index % 4 === 0 ? {} : { description: `Description of resource ${index}` }),
    themes,
    ...(index % 6 === 5 ? {} : { country: COUNTRIES[index % COUNTRIES.length] ?? 'DE' }),
    landingPages: [`https://example.org/landing/${index}`],
    language: ['en'],
    license: 'https://creativecommons.org/licenses/by/4.0/',
    personalData: index % 2 === 0 ? 'true' : 'false',
    vpConnection: 'https://w3id.org/ejp-rd/vocabulary#VPDiscoverable',
    keyword: ['rare disease', `k${index % 3}`],
  };
}
