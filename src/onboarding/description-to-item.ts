import { POPULATION_COVERAGES } from '../model/catalog-resource';
import { canonicalThemeId } from '../model/theme-id';
import { EJPRD_CONTEXT_URL } from '../render/item-schemas';
import { languageCode } from './language-code';
import { countryOfIri, countryOfLocation } from './location-country';
import { ejpLocalName } from './rdf-vocabulary';
import type { ResourceDescription, SpatialDescription } from './resource-descriptions';

/** The EJP-RD template's licence for a resource that names none (its guide for every resource sheet). */
export const DEFAULT_LICENCE = 'https://w3id.org/ejp-rd/resources/licenses/v1.0/';

export interface MappedItem {
  /** An `ejprd-resources-v2.0.0` item; a missing required field is left out for validation to name. */
  item: Record<string, unknown>;
  /** What the mapping itself refuses (a location that names no country, a language that is no code). */
  problems: string[];
  /** Fields that took the EJP-RD documentation's default. */
  defaulted: string[];
}

/** Keeps the defined entries only, so a missing field is absent rather than `undefined`. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

function countryOf(spatial: readonly SpatialDescription[]): { code?: string; unread?: string } {
  for (const s of spatial) {
    const code =
      (s.iri === undefined ? undefined : countryOfIri(s.iri)) ??
      s.texts.map(countryOfLocation).find((c) => c !== undefined);
    if (code) return { code };
  }
  const first = spatial[0];
  return first === undefined ? {} : { unread: first.texts[0] ?? first.iri ?? '' };
}

/** `ejprd:VPContentDiscovery` for its IRI under any `ejp:` namespace; the strongest connection wins. */
function vpConnectionOf(values: readonly string[]): string | undefined {
  const curies = values.map((v) => (ejpLocalName(v) === undefined ? v : `ejprd:${ejpLocalName(v)}`));
  return curies.find((c) => c === 'ejprd:VPContentDiscovery') ?? curies[0];
}

/** `true`/`false` as the schema spells them; `1`/`0` too (the template's spelling). Anything else as given, for validation to name. */
function personalDataOf(values: readonly string[]): string | undefined {
  const value = values[0]?.trim().toLowerCase();
  if (value === 'true' || value === '1') return 'true';
  if (value === 'false' || value === '0') return 'false';
  return values[0];
}

function populationCoverageOf(values: readonly string[]): string | undefined {
  const value = values[0];
  return POPULATION_COVERAGES.find((p) => p.toLowerCase() === value?.toLowerCase()) ?? value;
}

function publisherOf(d: ResourceDescription, country: string | undefined): Record<string, unknown> | undefined {
  const p = d.publisher;
  if (p === undefined) return undefined;
  // A blank-node publisher is named after its resource: the schema wants an @id.
  const id = p.iri ?? (d.iri === undefined ? undefined : `${d.iri}#publisher`);
  const spatial = country === undefined ? undefined : { title: country };
  return defined({
    '@id': id,
    title: p.title,
    description: p.description,
    homepage: p.homepage,
    logo: p.logo,
    spatial,
  });
}

/** One resource description -> its v2 item, with what the mapping refused and what it defaulted. */
export function descriptionToItem(d: ResourceDescription): MappedItem {
  const problems: string[] = [];
  const spatial = d.publisher?.spatial.length ? d.publisher.spatial : d.spatial;
  const { code, unread } = countryOf(spatial);
  if (unread !== undefined)
    problems.push(
      `dct:spatial "${unread}" names no country (item.publisher.spatial.title): give a country name or code`,
    );
  const languages = d.language.map((l) => ({ l, code: languageCode(l) }));
  for (const { l } of languages.filter((x) => x.code === undefined))
    problems.push(`dct:language "${l}" is not an ISO 639-1 code (item.language)`);
  const defaulted = d.license === undefined ? ['license'] : [];
  const item = defined({
    '@context': EJPRD_CONTEXT_URL,
    '@id': d.iri,
    '@type': d.type,
    title: d.title,
    description: d.description,
    theme: d.themes.map((t) => canonicalThemeId(t) ?? t),
    publisher: publisherOf(d, code),
    spatial: d.publisher === undefined && code !== undefined ? { title: code } : undefined,
    populationCoverage: populationCoverageOf(d.populationCoverage),
    landingPage: d.landingPages,
    vpConnection: vpConnectionOf(d.vpConnection),
    personalData: personalDataOf(d.personalData),
    language: [...new Set(languages.flatMap((x) => (x.code === undefined ? [] : [x.code])))],
    license: d.license ?? DEFAULT_LICENCE,
    keyword: d.keyword,
    logo: d.logo,
    conformsTo: d.conformsTo,
    accessRights: d.accessRights,
    hasPolicy: d.hasPolicy,
    created: d.issued,
    updated: d.modified,
  });
  return { item, problems, defaulted };
}
