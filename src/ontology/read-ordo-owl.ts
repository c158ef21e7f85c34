import type { Readable } from 'node:stream';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { OntologyLoadError, OntologyLoadFailure } from './ontology-load-error';
import { emptyOrdoOwlGraph, pushTo } from './ordo-owl-graph';
import type { OrdoOwlGraph } from './ordo-owl-graph';
import { streamLoadError } from './stream-load-error';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const IRI = {
  type: `${RDF}type`,
  owlClass: `${OWL}Class`,
  subClassOf: 'http://www.w3.org/2000/01/rdf-schema#subClassOf',
  label: 'http://www.w3.org/2000/01/rdf-schema#label',
  onProperty: `${OWL}onProperty`,
  someValuesFrom: `${OWL}someValuesFrom`,
  versionInfo: `${OWL}versionInfo`,
  notation: 'http://www.w3.org/2004/02/skos/core#notation',
  alternativeTerm: 'http://www.ebi.ac.uk/efo/alternative_term',
} as const;

/** Classes also carry lang-tagged notations such as "Category"; only the ORPHA code is kept. */
const ORPHA_NOTATION = /^ORPHA:\d+$/;

interface RdfTerm {
  termType: string;
  value: string;
}
interface RdfQuad {
  subject: RdfTerm;
  predicate: RdfTerm;
  object: RdfTerm;
}

interface Restriction {
  property?: string;
  target?: string;
}

/** Collects triples; restrictions are blank nodes whose triples may come in any order. */
class OrdoQuadCollector {
  readonly graph: OrdoOwlGraph = emptyOrdoOwlGraph();
  private readonly restrictions = new Map<string, Restriction>();
  private readonly restrictedSubclasses: [string, string][] = [];

  add(quad: RdfQuad): void {
    const { subject: s, predicate, object: o } = quad;
    const named = s.termType === 'NamedNode';
    switch (predicate.value) {
      case IRI.type:
        if (named && o.value === IRI.owlClass) this.graph.classes.add(s.value);
        break;
      case IRI.subClassOf:
        if (named && o.termType === 'NamedNode') pushTo(this.graph.named, s.value, o.value);
        else if (named && o.termType === 'BlankNode') this.restrictedSubclasses.push([s.value, o.value]);
        break;
      case IRI.onProperty:
        this.restriction(s).property = o.value;
        break;
      case IRI.someValuesFrom:
        this.restriction(s).target = o.value;
        break;
      default:
        if (named) this.annotation(s.value, predicate.value, o.value);
    }
  }

  private restriction(node: RdfTerm): Restriction {
    let found = this.restrictions.get(node.value);
    if (found === undefined) this.restrictions.set(node.value, (found = {}));
    return found;
  }

  private annotation(subject: string, predicate: string, value: string): void {
    if (predicate === IRI.label) this.graph.label.set(subject, detach(value));
    else if (predicate === IRI.notation && ORPHA_NOTATION.test(value)) this.graph.notation.set(subject, value);
    else if (predicate === IRI.alternativeTerm) pushTo(this.graph.synonyms, subject, detach(value));
    else if (predicate === IRI.versionInfo) this.graph.version ??= value;
  }

  finish(): OrdoOwlGraph {
    for (const [subject, node] of this.restrictedSubclasses) {
      const r = this.restrictions.get(node);
      if (r?.property === undefined || r.target === undefined) continue;
      let byProperty = this.graph.restricted.get(r.property);
      if (byProperty === undefined) this.graph.restricted.set(r.property, (byProperty = new Map()));
      pushTo(byProperty, subject, r.target);
    }
    return this.graph;
  }
}

/**
 * A copy of `text` that does not share memory with the parser's 16 KB input chunks: literals
 * from the XML parser are slices of them, and 15k kept labels would pin ~40 MB of chunks.
 */
function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** Streams OWL RDF/XML from `source` through `rdfxml-streaming-parser` and keeps what ORDO needs. */
export function readOrdoOwl(source: Readable, file: string): Promise<OrdoOwlGraph> {
  return new Promise((resolve, reject) => {
    const collector = new OrdoQuadCollector();
    const parser = new RdfXmlParser({ validateUri: false });
    const detachListeners = (): void => {
      source.off('error', onSourceError);
      parser.off('error', onParseError).off('data', onQuad).off('end', onEnd);
    };
    const fail = (error: OntologyLoadError): void => {
      detachListeners();
      source.unpipe(parser);
      source.destroy();
      parser.destroy();
      reject(error);
    };
    const onSourceError = (error: unknown): void => fail(streamLoadError(file, error));
    const onParseError = (error: unknown): void => {
      const detail = `invalid RDF/XML (${error instanceof Error ? error.message : String(error)})`;
      fail(new OntologyLoadError(file, OntologyLoadFailure.invalidOwl, detail, { cause: error }));
    };
    const onQuad = (quad: RdfQuad): void => collector.add(quad);
    const onEnd = (): void => {
      detachListeners();
      resolve(collector.finish());
    };
    source.on('error', onSourceError);
    parser.on('error', onParseError).on('data', onQuad).on('end', onEnd);
    source.pipe(parser);
  });
}
