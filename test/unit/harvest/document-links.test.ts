import { Parser } from 'n3';
import { documentLinks, documentUrl } from '../../../src/harvest/document-links';
import { rdfFormatOf } from '../../../src/harvest/fetch-document';

describe('documentLinks', () => {
  test('when a document links by FDP, LDP and DCAT links, then each linked document once, without fragments, and no other IRI', () => {
    const quads = new Parser({ baseIRI: 'https://fdp.example/' }).parse(`
      @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix fdp-o: <https://w3id.org/fdp/fdp-o#> . @prefix ldp: <http://www.w3.org/ns/ldp#> .
      <> fdp-o:metadataCatalog <catalog/1> ; ldp:contains <catalog/1#it> ; dcat:theme <http://www.orpha.net/ORDO/Orphanet_558> .
      <catalog/1> dcat:dataset <dataset/1>, <mailto:someone@fdp.example> ; dcat:resource <dataset/2> ; dcat:catalog <catalog/2> .`);

    expect(documentLinks(quads)).toEqual([
      'https://fdp.example/catalog/1',
      'https://fdp.example/dataset/1',
      'https://fdp.example/dataset/2',
      'https://fdp.example/catalog/2',
    ]);
  });

  test.each([
    ['https://fdp.example/a#b', 'https://fdp.example/a'],
    ['urn:x:y', undefined],
    ['not a url', undefined],
  ])('when the IRI is %s, then its document is %s', (iri, url) => {
    expect(documentUrl(iri)).toBe(url);
  });
});

describe('rdfFormatOf', () => {
  test.each([
    ['text/turtle; charset=utf-8', 'turtle'],
    ['application/rdf+xml', 'rdfxml'],
    ['application/ld+json', 'jsonld'],
    ['application/n-triples', 'ntriples'],
    [null, 'turtle'],
    ['text/html', undefined],
  ])('when the answer declares %s, then it is read as %s', (type, format) => {
    expect(rdfFormatOf(type)).toBe(format);
  });
});
