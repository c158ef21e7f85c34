import fs from 'node:fs';
import path from 'node:path';
import { parseRdf, RdfSyntaxError, type RdfFormat } from '../../../src/onboarding/parse-rdf';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'rdf');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** A triple as text, blank nodes as `_` (each parser labels them its own way). */
function triples(quads: Awaited<ReturnType<typeof parseRdf>>): string[] {
  const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }): string =>
    t.termType === 'BlankNode'
      ? '_'
      : `${t.value}|${t.language ?? ''}|${t.termType === 'Literal' ? (t.datatype?.value ?? '') : ''}`;
  return quads.map((q) => `${term(q.subject)} ${q.predicate.value} ${term(q.object)}`).sort();
}

describe('parseRdf', () => {
  test.each<[string, RdfFormat]>([
    ['resources.nt', 'ntriples'],
    ['resources.rdf', 'rdfxml'],
    ['resources.jsonld', 'jsonld'],
  ])('when %s is parsed, then it holds the triples of resources.ttl', async (name, format) => {
    const turtle = triples(await parseRdf(read('resources.ttl'), 'turtle', 'resources.ttl'));

    const other = triples(await parseRdf(read(name), format, name));

    expect(turtle).toHaveLength(47);
    expect(other).toEqual(turtle);
  });

  test('when a JSON-LD document names a remote context, then it is refused without a fetch, naming the URL', async () => {
    const document = JSON.stringify({
      '@context': 'https://schema.example/context.jsonld',
      '@id': 'https://x.example/r',
      title: 'r',
    });

    await expect(parseRdf(document, 'jsonld', 'r.jsonld')).rejects.toThrow(
      /https:\/\/schema\.example\/context\.jsonld is not held locally/,
    );
  });

  test('when a JSON-LD document names the EJP-RD context, then it resolves from the local copy', async () => {
    const document = JSON.stringify({
      '@context': 'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/json-ld-contexts/ejprd-context.json',
      '@id': 'https://x.example/r',
      title: 'r',
    });

    const quads = await parseRdf(document, 'jsonld', 'r.jsonld');

    expect(quads.map((q) => [q.predicate.value, q.object.value])).toEqual([['http://purl.org/dc/terms/title', 'r']]);
  });

  test.each<[RdfFormat, string]>([
    ['turtle', '<https://x.example/a> <https://x.example/p> .'],
    ['ntriples', '<https://x.example/a> <https://x.example/p> "x"'],
    ['rdfxml', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description></rdf:RDF>'],
    ['jsonld', '{"@id": '],
  ])('when the text is not valid %s, then an RdfSyntaxError says so', async (format, text) => {
    await expect(parseRdf(text, format, 'bad')).rejects.toBeInstanceOf(RdfSyntaxError);
  });
});
