import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(english);

/**
 * ISO 3166-1 alpha-2 codes are canonical. `EL` (the EU's code for Greece, which the VP
 * portal sends) and `UK` are accepted as input; the portal's v1 rendering says `EL`.
 */
const INPUT_ALIASES: ReadonlyMap<string, string> = new Map([
  ['EL', 'GR'],
  ['UK', 'GB'],
]);
const PORTAL_CODES: ReadonlyMap<string, string> = new Map([['GR', 'EL']]);

/** Inputs already read, and what they gave: the VP portal sends the same 28 codes with every query. */
const known = new Map<string, string | undefined>();
/** Inputs are the caller's: the memo stops growing here rather than hold whatever is sent. */
const KNOWN_MAX = 4096;

/** The ISO alpha-2 code for a code (any case, aliases allowed) or an English name; else undefined. */
export function canonicalCountry(raw: string): string | undefined {
  if (known.has(raw)) return known.get(raw);
  const code = readCountry(raw);
  if (known.size < KNOWN_MAX && raw.length <= 64) known.set(raw, code);
  return code;
}

function readCountry(raw: string): string | undefined {
  const text = raw.trim();
  const upper = text.toUpperCase();
  const code = INPUT_ALIASES.get(upper) ?? upper;
  if (/^[A-Z]{2}$/.test(code)) return countries.isValid(code) ? code : undefined;
  return countries.getAlpha2Code(text, 'en');
}

export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

/**
 * The VP portal's country enum: EU member states with `EL` for Greece, plus Turkey. Its
 * parser rejects a whole answer that holds any other code (`../shared/specs/NOTES.md`).
 */
export const PORTAL_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE EL HU IT IE LV LT LU MT NL PL PT RO SK SI ES SE TR'.split(' '),
);

/** Whether the VP portal's parser takes this code (in the portal's spelling, `EL` for Greece). */
export function isPortalCountry(code: string): boolean {
  return PORTAL_COUNTRIES.has(code);
}

/** The code the VP portal's v1 parser knows for an ISO code. */
export function portalCountryCode(code: string): string {
  return PORTAL_CODES.get(code) ?? code;
}
