import { themeIri } from '../../../src/render/theme-iri';

describe('themeIri', () => {
  test.each([
    ['ordo:Orphanet_558', 'http://www.orpha.net/ORDO/Orphanet_558'],
    ['hp:0001251', 'http://purl.obolibrary.org/obo/HP_0001251'],
    ['CLO:0037308', 'http://purl.obolibrary.org/obo/CLO_0037308'],
    ['EFO:0000400', 'http://www.ebi.ac.uk/efo/EFO_0000400'],
    ['https://example.org/theme/1', 'https://example.org/theme/1'],
    ['XYZ:12', 'XYZ:12'],
  ])('when the stored theme is %s, then its IRI is %s', (theme, iri) => {
    expect(themeIri(theme)).toBe(iri);
  });
});
