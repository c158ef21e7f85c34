import { seededRandom, type Random } from './seeded-random';
import type { Theme, ThemePool } from './theme-pool';

/** Themes the query shapes ask for; the generator makes them popular so queries hit. */
export const ANCHOR_DISEASES = [
  'ordo:Orphanet_730',
  'ordo:Orphanet_586',
  'ordo:Orphanet_98896',
  'ordo:Orphanet_558',
] as const;

/** The 28 countries the VP portal knows (ISO codes: GR, not EL), most populous first. */
export const COUNTRIES = [
  'DE',
  'FR',
  'IT',
  'ES',
  'NL',
  'PL',
  'BE',
  'SE',
  'AT',
  'PT',
  'CZ',
  'DK',
  'FI',
  'IE',
  'GR',
  'HU',
  'RO',
  'SK',
  'SI',
  'HR',
  'BG',
  'LT',
  'LV',
  'EE',
  'LU',
  'CY',
  'MT',
  'TR',
] as const;

/** The real mix: registries and biobanks dominate the VP's resource index. */
const TYPES = [
  { type: 'ejprd:PatientRegistry', share: 0.45, noun: 'Patient Registry', slug: 'registry' },
  { type: 'ejprd:Biobank', share: 0.33, noun: 'Biobank', slug: 'biobank' },
  { type: 'dcat:Dataset', share: 0.16, noun: 'Dataset', slug: 'dataset' },
  { type: 'ejprd:Guideline', share: 0.06, noun: 'Clinical Practice Guideline', slug: 'guideline' },
] as const;

const SCOPES = ['National', 'European', 'International', 'Regional'] as const;
const LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'nl', 'pl', 'pt'] as const;
const SAMPLES = ['DNA', 'serum', 'plasma', 'fibroblasts', 'muscle biopsies', 'urine', 'whole blood'] as const;

function pickType(rng: Random): (typeof TYPES)[number] {
  let r = rng.next();
  for (const entry of TYPES) if ((r -= entry.share) < 0) return entry;
  return TYPES[0];
}

/** Popularity order: the anchors first, then the pool in a seeded shuffle. */
function popularityOrder(themes: readonly Theme[], rng: Random): Theme[] {
  const order = [...themes];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as Theme, order[i] as Theme];
  }
  const anchors = new Set<string>(ANCHOR_DISEASES);
  return [...order.filter((t) => anchors.has(t.id)), ...order.filter((t) => !anchors.has(t.id))];
}

/** 1-20 themes, mostly few: the first a disease, the rest diseases or phenotypes. */
function pickThemes(rng: Random, diseases: readonly Theme[], phenotypes: readonly Theme[]): Theme[] {
  const count = 1 + Math.floor(19 * rng.next() ** 4);
  const chosen = new Map<string, Theme>();
  const first = diseases[rng.skewed(diseases.length, 4)] as Theme;
  chosen.set(first.id, first);
  while (chosen.size < count) {
    const theme =
      rng.next() < 0.5
        ? (diseases[rng.skewed(diseases.length, 3)] as Theme)
        : (phenotypes[rng.skewed(phenotypes.length, 3)] as Theme);
    chosen.set(theme.id, theme);
  }
  return [...chosen.values()];
}

function describe(kind: (typeof TYPES)[number], disease: Theme, country: string | undefined, rng: Random): string {
  const where = country ? ` across centres in ${country}` : '';
  if (kind.slug === 'biobank')
    return `${rng.pick(SAMPLES)} and ${rng.pick(SAMPLES)} from ${50 + rng.int(5000)} people with ${disease.label}${where}, linked to clinical follow-up data.`;
  if (kind.slug === 'guideline')
    return `Recommendations for the diagnosis and care of ${disease.label}, agreed by a European expert panel.`;
  return `Longitudinal data on ${50 + rng.int(20000)} patients with ${disease.label}${where}: natural history, genotype and outcomes.`;
}

/** One v2 catalog item (`ejprd-resources-v2.0.0`), as a catalog file holds it. */
function item(
  index: number,
  rng: Random,
  diseases: readonly Theme[],
  phenotypes: readonly Theme[],
): Record<string, unknown> {
  const kind = pickType(rng);
  const themes = pickThemes(rng, diseases, phenotypes);
  const disease = themes[0] as Theme;
  const country = rng.next() < 0.95 ? COUNTRIES[rng.skewed(COUNTRIES.length, 2)] : undefined;
  const scope = rng.pick(SCOPES);
  const id = `https://catalog.bench.example/resource/${kind.slug}-${String(index).padStart(7, '0')}`;
  const org = `https://catalog.bench.example/organisation/org-${rng.int(5000)}`;
  return {
    '@context': 'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/json-ld-contexts/ejprd-context.json',
    '@id': id,
    '@type': kind.type,
    title: `${scope} ${disease.label} ${kind.noun}${country ? ` (${country})` : ''}`,
    description: describe(kind, disease, country, rng),
    populationCoverage: scope,
    theme: themes.map((t) => t.id),
    vpConnection: rng.next() < 0.3 ? 'ejprd:VPContentDiscovery' : 'ejprd:VPDiscoverable',
    landingPage: [`${id}/about`],
    personalData: kind.slug === 'guideline' ? 'false' : 'true',
    language: ['en', ...(rng.next() < 0.5 ? [rng.pick(LANGUAGES)] : [])].filter((v, i, a) => a.indexOf(v) === i),
    license: 'https://creativecommons.org/licenses/by/4.0/',
    keyword: [disease.label.toLowerCase(), kind.slug],
    created: `20${String(10 + rng.int(14))}-0${1 + rng.int(9)}-1${rng.int(10)}T00:00:00Z`,
    publisher: {
      '@id': org,
      title: `Rare Disease Centre ${org.slice(-4)}`,
      ...(country ? { spatial: { title: country } } : {}),
    },
  };
}

/** `count` items, deterministic for a seed and a theme pool. */
export function* generateCatalog(count: number, seed: number, pool: ThemePool): Generator<Record<string, unknown>> {
  const rng = seededRandom(seed);
  const diseases = popularityOrder(pool.diseases, rng);
  const phenotypes = popularityOrder(pool.phenotypes, rng);
  for (let index = 0; index < count; index += 1) yield item(index, rng, diseases, phenotypes);
}
