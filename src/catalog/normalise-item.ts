import { ACCESS_LEVELS, type CatalogResource, type PopulationCoverage, type Publisher, type ResourceType } from '../model/catalog-resource';
import { canonicalCountry } from '../model/countries';
import { canonicalTerm } from '../model/curie';

type Item = Record<string, unknown>;

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Copies the defined entries only, so stored documents carry no `undefined` fields. */
function defined<T extends object>(entries: T): T {
  // A fresh object rather than `delete`, which would leave the stored document in dictionary mode.
  const record = entries as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in record) if (record[key] !== undefined) out[key] = record[key];
  return out as T;
}

function readPublisher(raw: unknown): Publisher | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const p = raw as Item;
  const id = text(p['@id']);
  const title = text(p.title);
  if (!id || !title) return undefined;
  return defined({ id, title, description: text(p.description), homepage: text(p.homepage), logo: text(p.logo) });
}

function readCountry(item: Item): string | undefined {
  const publisher = (item.publisher ?? {}) as Item;
  const spatial = (publisher.spatial ?? item.spatial) as Item | undefined;
  const raw = text(spatial?.title);
  return raw ? canonicalCountry(raw) : undefined;
}

/** Themes in canonical spelling (ORDO/HPO); other CURIEs kept as given. Order kept, duplicates dropped. */
export function canonicalThemes(raw: unknown): string[] {
  return [...new Set(list(raw).map((t) => canonicalTerm(t) ?? t.trim()))];
}

/**
 * A validated `ejprd-resources-v2.0.0` item -> the canonical stored document.
 * `ancestorsOf` gives the themes plus their ontology ancestors (identity without ontologies).
 */
export function normaliseItem(item: Item, ancestorsOf: (themes: readonly string[]) => string[]): CatalogResource {
  const themes = canonicalThemes(item.theme);
  return defined({
    id: String(item['@id']),
    type: item['@type'] as ResourceType,
    title: String(item.title),
    description: text(item.description),
    themes,
    themeAncestors: ancestorsOf(themes),
    country: readCountry(item),
    publisher: readPublisher(item.publisher),
    landingPages: list(item.landingPage),
    logo: text(item.logo),
    language: list(item.language),
    license: String(item.license),
    personalData: item.personalData === 'true' ? 'true' : 'false',
    populationCoverage: text(item.populationCoverage) as PopulationCoverage | undefined,
    vpConnection: String(item.vpConnection),
    keyword: list(item.keyword),
    conformsTo: text(item.conformsTo),
    accessRights: text(item.accessRights),
    hasPolicy: text(item.hasPolicy),
    accessLevel: ACCESS_LEVELS.find((level) => level === item.accessLevel),
    created: text(item.created),
    updated: text(item.updated),
  });
}
