import { languageCode } from '../../../src/onboarding/language-code';

describe('languageCode', () => {
  test.each([
    ['http://id.loc.gov/vocabulary/iso639-1/en', 'en'],
    ['https://id.loc.gov/vocabulary/iso639-1/de', 'de'],
    ['http://lexvo.org/id/iso639-1/fr', 'fr'],
    ['IT', 'it'],
    ['en-GB', 'en'],
  ])('when the value is %s, then the code is %s', (value, code) => {
    expect(languageCode(value)).toBe(code);
  });

  test.each(['http://www.wikidata.org/entity/Q1860', 'English', 'http://id.loc.gov/vocabulary/iso639-2/eng'])(
    'when the value is %s, then it is no ISO 639-1 code',
    (value) => {
      expect(languageCode(value)).toBeUndefined();
    },
  );
});
