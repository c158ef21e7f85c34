import { countryOfIri, countryOfLocation } from '../../../src/onboarding/location-country';

describe('countryOfLocation', () => {
  test.each([
    ['Austria', 'AT'],
    ['Germany', 'DE'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['Deutschland', 'DE'],
    ['Österreich', 'AT'],
    ['Italia', 'IT'],
    ['España', 'ES'],
    ['Nederland', 'NL'],
    ['Polska', 'PL'],
    ['Portugal', 'PT'],
    ['Belgique', 'BE'],
    ['DE', 'DE'],
  ])('when the location is "%s", then the country is %s', (text, code) => {
    expect(countryOfLocation(text)).toBe(code);
  });

  test('when the location is an address line ending in a country, then that country is read', () => {
    expect(countryOfLocation('Robert-Rössle-Str. 10, 13125 Berlin, Germany')).toBe('DE');
    expect(countryOfLocation('Via Giustiniani 2\n35128 Padova\nItalia')).toBe('IT');
  });

  test.each(['Online Resource', 'Berlin', '13125 Berlin', '', 'Robert-Rössle-Str. 10, 13125 Berlin'])(
    'when the location is "%s", then no country is guessed',
    (text) => {
      expect(countryOfLocation(text)).toBeUndefined();
    },
  );
});

describe('countryOfIri', () => {
  test('when the IRI is the EU country authority, then its alpha-3 code is read', () => {
    expect(countryOfIri('http://publications.europa.eu/resource/authority/country/DEU')).toBe('DE');
  });

  test('when the IRI is of another vocabulary, then no country is guessed', () => {
    expect(countryOfIri('http://www.wikidata.org/entity/Q183')).toBeUndefined();
  });
});
