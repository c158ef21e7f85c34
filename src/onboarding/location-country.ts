import countries from 'i18n-iso-countries';
import bg from 'i18n-iso-countries/langs/bg.json';
import cs from 'i18n-iso-countries/langs/cs.json';
import da from 'i18n-iso-countries/langs/da.json';
import de from 'i18n-iso-countries/langs/de.json';
import el from 'i18n-iso-countries/langs/el.json';
import es from 'i18n-iso-countries/langs/es.json';
import et from 'i18n-iso-countries/langs/et.json';
import fi from 'i18n-iso-countries/langs/fi.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import hr from 'i18n-iso-countries/langs/hr.json';
import hu from 'i18n-iso-countries/langs/hu.json';
import it from 'i18n-iso-countries/langs/it.json';
import lt from 'i18n-iso-countries/langs/lt.json';
import lv from 'i18n-iso-countries/langs/lv.json';
import mt from 'i18n-iso-countries/langs/mt.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import ro from 'i18n-iso-countries/langs/ro.json';
import sk from 'i18n-iso-countries/langs/sk.json';
import sl from 'i18n-iso-countries/langs/sl.json';
import sv from 'i18n-iso-countries/langs/sv.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import { canonicalCountry } from '../model/countries';

/** The languages of the VP's countries: a publisher writes its country in its own language. */
const LOCALES = [bg, cs, da, de, el, es, et, fi, fr, hr, hu, it, lt, lv, mt, nl, pl, pt, ro, sk, sl, sv, tr];
for (const locale of LOCALES) countries.registerLocale(locale);

/** Another spelling the packages lack, as publishers write it. */
const OTHER_NAMES: ReadonlyMap<string, string> = new Map([['great britain', 'GB']]);

/** A country name or code in English or a registered language; undefined otherwise. */
function countryNamed(name: string): string | undefined {
  const text = name.trim();
  if (text === '') return undefined;
  const known = canonicalCountry(text) ?? OTHER_NAMES.get(text.toLowerCase());
  if (known) return known;
  for (const locale of LOCALES) {
    const code = countries.getAlpha2Code(text, locale.locale);
    if (code) return code;
  }
  return undefined;
}

/**
 * The ISO 3166-1 alpha-2 code of a location text: a country name or code in English or a
 * VP country's language (`Österreich`, `UK`), or an address whose last line or
 * comma-separated part is one ("Robert-Rössle-Str. 10, 13125 Berlin, Germany"). Undefined
 * when neither names a country: the caller refuses, it never guesses.
 */
export function countryOfLocation(text: string): string | undefined {
  const whole = countryNamed(text);
  if (whole) return whole;
  const parts = text
    .split(/[,\n;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const last = parts[parts.length - 1];
  return parts.length > 1 && last !== undefined ? countryNamed(last) : undefined;
}

/** The EU's country authority names countries by ISO alpha-3 (`.../country/DEU`). */
const EU_COUNTRY = 'http://publications.europa.eu/resource/authority/country/';

/** The alpha-2 code of a country IRI this module can read; undefined otherwise. */
export function countryOfIri(iri: string): string | undefined {
  if (!iri.startsWith(EU_COUNTRY)) return undefined;
  return countries.alpha3ToAlpha2(iri.slice(EU_COUNTRY.length).toUpperCase());
}
