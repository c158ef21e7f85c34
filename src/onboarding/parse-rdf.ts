import { pathToFileURL } from 'node:url';
import jsonld from 'jsonld';
import { DataFactory, Parser, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { localDocumentLoader, UnknownContextError } from './local-document-loader';

export const RDF_FORMATS = ['turtle', 'ntriples', 'rdfxml', 'jsonld'] as const;
export type RdfFormat = (typeof RDF_FORMATS)[number];

/** Text that is not RDF of its format; the message says where, as the parser does. */
export class RdfSyntaxError extends Error {
  override name = 'RdfSyntaxError';
}

function parseN3(text: string, format: 'turtle' | 'ntriples', baseIRI: string): Quad[] {
  try {
    return new Parser({ format: format === 'turtle' ? 'text/turtle' : 'application/n-triples', baseIRI }).parse(text);
  } catch (error) {
    throw new RdfSyntaxError((error as Error).message);
  }
}

function parseRdfXml(text: string, baseIRI: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new RdfXmlParser({ baseIRI, dataFactory: DataFactory });
    parser.on('data', (quad: Quad) => quads.push(quad));
    parser.on('error', (error: Error) => reject(new RdfSyntaxError(error.message)));
    parser.on('end', () => resolve(quads));
    parser.end(text);
  });
}

interface JsonLdTerm {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}

function fromJsonLdTerm(term: JsonLdTerm): Quad_Object {
  if (term.termType === 'BlankNode') return DataFactory.blankNode(term.value.replace(/^_:/, ''));
  if (term.termType === 'Literal')
    return DataFactory.literal(
      term.value,
      term.language ? term.language : term.datatype && DataFactory.namedNode(term.datatype.value),
    );
  return DataFactory.namedNode(term.value);
}

/** jsonld.js's own cause, when it wraps our loader's refusal ("loading remote context failed"). */
function causeOf(error: unknown): Error {
  const cause = (error as { details?: { cause?: unknown } }).details?.cause;
  return cause instanceof UnknownContextError ? cause : (error as Error);
}

/** JSON-LD as RDF (the JSON-LD to RDF algorithm), with contexts resolved offline only. */
async function parseJsonLd(text: string, base: string): Promise<Quad[]> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RdfSyntaxError(`not valid JSON: ${(error as Error).message}`);
  }
  let quads: { subject: JsonLdTerm; predicate: JsonLdTerm; object: JsonLdTerm }[];
  try {
    quads = (await jsonld.toRDF(document as never, { base, documentLoader: localDocumentLoader as never })) as never;
  } catch (error) {
    throw new RdfSyntaxError(causeOf(error).message);
  }
  return quads.map((q) =>
    DataFactory.quad(
      fromJsonLdTerm(q.subject) as Quad_Subject,
      DataFactory.namedNode(q.predicate.value),
      fromJsonLdTerm(q.object),
    ),
  );
}

/** Every triple of one RDF file's text; relative IRIs resolve against the file's URL (or the document's, for an http(s) URL). */
export async function parseRdf(text: string, format: RdfFormat, file: string): Promise<Quad[]> {
  const baseIRI = /^https?:\/\//i.test(file) ? file : pathToFileURL(file).href;
  if (format === 'rdfxml') return parseRdfXml(text, baseIRI);
  if (format === 'jsonld') return parseJsonLd(text, baseIRI);
  return parseN3(text, format, baseIRI);
}
