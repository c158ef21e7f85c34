import fs from 'node:fs';
import path from 'node:path';
import { canonicalThemeId, themeIdPrefix, themePrefixesOf } from '../../../src/model/theme-id';
import { OTHER_VOCABULARIES } from '../../../src/model/other-vocabularies';

describe('canonicalThemeId', () => {
  test.each([
    ['ORPHA:558', 'ordo:Orphanet_558'],
    ['http://purl.obolibrary.org/obo/Orphanet_558', 'ordo:Orphanet_558'],
    ['obo:Orphanet_558', 'ordo:Orphanet_558'],
    ['http://purl.obolibrary.org/obo/HP_0001251', 'hp:0001251'],
    ['http://purl.obolibrary.org/obo/CLO_0037308', 'CLO:0037308'],
    ['https://purl.obolibrary.org/obo/ncit_C2991', 'NCIT:C2991'],
    ['obo:NCIT_C28421', 'NCIT:C28421'],
    ['http://www.ebi.ac.uk/efo/EFO_0000400', 'EFO:0000400'],
    ['mondo:0007739', 'MONDO:0007739'],
    [' snomedct:123 ', 'SNOMEDCT:123'],
    ['https://vocab.example.org/terms/rare-thing', 'https://vocab.example.org/terms/rare-thing'],
  ])('when %s is read, then it is %s', (raw, canonical) => {
    expect(canonicalThemeId(raw)).toBe(canonical);
  });

  test.each(['Orphanet', 'resourceTypes', 'no colon here', 'https://a b.example/x', ''])(
    'when %j is read, then it is no theme id',
    (raw) => {
      expect(canonicalThemeId(raw)).toBeUndefined();
    },
  );
});

describe('themeIdPrefix', () => {
  test('when a CURIE or an IRI is given, then its lower-case prefix or namespace comes back', () => {
    expect(themeIdPrefix('CLO:0037308')).toBe('clo');
    expect(themeIdPrefix('ordo:Orphanet_558')).toBe('ordo');
    expect(themeIdPrefix('https://Vocab.example.org/terms/x')).toBe('https://vocab.example.org/terms/');
    expect(themeIdPrefix('http://example.org/onto#Thing')).toBe('http://example.org/onto#');
    expect([...themePrefixesOf(['CLO:1', 'clo:2', 'hp:0000001'])]).toEqual(['clo', 'hp']);
  });
});

describe('the served JSON-LD context', () => {
  test('when read, then it defines every other vocabulary as a prefix with its IRI prefix', () => {
    const context = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '..', '..', 'json-ld-contexts', 'ejprd-context.json'), 'utf8'),
    )['@context'];
    for (const [prefix, { iriPrefix }] of OTHER_VOCABULARIES)
      expect({ prefix, term: context[prefix] }).toEqual({ prefix, term: { '@id': iriPrefix, '@prefix': true } });
  });
});
