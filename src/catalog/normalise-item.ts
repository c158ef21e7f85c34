import {
  ACCESS_LEVELS,
  type CatalogResource,
  type PopulationCoverage,
  type Publisher,
  type ResourceType,
} from '../model/catalog-resource';
import { canonicalCountry } from '../model/countries';
import { canonicalThemeId } from '../model/theme-id';
import { SharedValues } from './shared-values';

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

function readPublisher(raw: unknown, shared: SharedValues): Publisher | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const p = raw as Item;
  const id = text(p['@id']);
  const title = text(p.title);
  if (!id || !title) return undefined;
  return shared.publisher(
    defined({ id, title, description: text(p.description), homepage: text(p.homepage), logo: text(p.logo) }),
  );
}

function readCountry(item: Item): string | undefined {
  const publisher = (item.publisher ?? {}) as Item;
  const spatial = (publisher.spatial ?? item.spatial) as Item | undefined;
  const raw = text(spatial?.title);
  return raw ? canonicalCountry(raw) : undefined;
}

const canonicalTheme = (t: string): string => canonicalThemeId(t) ?? t.trim();

/** Themes in canonical spelling (`canonicalThemeId`). Order kept, duplicates dropped. */
export function canonicalThemes(raw: unknown, shared?: SharedValues): string[] {
  const themes = list(raw);
  if (!shared) return [...new Set(themes.map(canonicalTheme))];
  // A lone theme's list is shared; longer lists rarely repeat, and a memo keyed by the
  // joined list cost more than it saved at a million resources.
  const canonical = themes.map((t) => shared.term(t, canonicalTheme));
  return themes.length <= 1 ? shared.list(canonical) : [...new Set(canonical)];
}

/** A stored document's `id`, as `normaliseItem` reads it (the catalog worker orders titles by it). */
export const itemId = (item: Item): string => String(item['@id']);

/** A stored document's `title`, as `normaliseItem` reads it. */
export const itemTitle = (item: Item): string => String(item.title);

/** A string many documents hold alike (a licence, a date), shared. */
function common(value: string | undefined, shared: SharedValues): string | undefined {
  return value === undefined ? undefined : shared.string(value);
}

/**
 * A validated `ejprd-resources-v2.0.0` item -> the canonical stored document.
 * `shared` (one per catalog load) keeps values many documents hold alike once: lists and
 * publishers come out frozen and shared between documents.
 */
export function normaliseItem(item: Item, shared = new SharedValues()): CatalogResource {
  const themes = canonicalThemes(item.theme, shared);
  return defined({
    id: itemId(item),
    type: shared.string(String(item['@type'])) as ResourceType,
    title: itemTitle(item),
    description: text(item.description),
    themes,
    country: readCountry(item),
    publisher: readPublisher(item.publisher, shared),
    landingPages: list(item.landingPage),
    logo: common(text(item.logo), shared),
    language: shared.list(list(item.language)),
    license: shared.string(String(item.license)),
    personalData: item.personalData === 'true' ? 'true' : 'false',
    populationCoverage: common(text(item.populationCoverage), shared) as PopulationCoverage | undefined,
    vpConnection: shared.string(String(item.vpConnection)),
    keyword: shared.list(list(item.keyword)),
    conformsTo: common(text(item.conformsTo), shared),
    accessRights: common(text(item.accessRights), shared),
    hasPolicy: common(text(item.hasPolicy), shared),
    accessLevel: ACCESS_LEVELS.find((level) => level === item.accessLevel),
    created: common(text(item.created), shared),
    updated: common(text(item.updated), shared),
  });
}
