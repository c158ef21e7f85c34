import { DataFactory, type Quad } from 'n3';
import { RDF_TYPE } from './rdf-vocabulary';

/** A subject or object of a triple (rdf/js terms, as every parser here gives them). */
export interface Term {
  termType: string;
  value: string;
  language?: string;
}

const keyOf = (term: Term): string => `${term.termType}:${term.value}`;
const TYPE = DataFactory.namedNode(RDF_TYPE);

/** Read-only questions about one parsed file's triples, by IRI. */
export class RdfGraph {
  /** Each subject's triples in document order: RDF keeps no order of values, but a file does, and lists load in it. */
  private readonly bySubject = new Map<string, Quad[]>();

  constructor(private readonly quads: readonly Quad[]) {
    for (const quad of quads) {
      const key = keyOf(quad.subject);
      const list = this.bySubject.get(key);
      if (list === undefined) this.bySubject.set(key, [quad]);
      else list.push(quad);
    }
  }

  /** Every subject with at least one `rdf:type`, in file order (the store's own order is its index's). */
  typedSubjects(): Term[] {
    const seen = new Map<string, Term>();
    for (const quad of this.quads)
      if (quad.predicate.equals(TYPE) && !seen.has(keyOf(quad.subject))) seen.set(keyOf(quad.subject), quad.subject);
    return [...seen.values()];
  }

  types(subject: Term): string[] {
    return this.objects(subject, [RDF_TYPE])
      .filter((t) => t.termType === 'NamedNode')
      .map((t) => t.value);
  }

  /** The objects of `subject` under any of `predicates`, without duplicates. */
  objects(subject: Term, predicates: readonly string[]): Term[] {
    const seen = new Map<string, Term>();
    for (const predicate of predicates) {
      for (const quad of this.bySubject.get(keyOf(subject)) ?? [])
        if (quad.predicate.value === predicate && !seen.has(keyOf(quad.object)))
          seen.set(keyOf(quad.object), quad.object);
    }
    return [...seen.values()];
  }

  /** IRIs among the objects (literals and blank nodes left out). */
  iris(subject: Term, predicates: readonly string[]): string[] {
    return this.objects(subject, predicates)
      .filter((t) => t.termType === 'NamedNode')
      .map((t) => t.value);
  }

  /** Literal values among the objects. */
  literals(subject: Term, predicates: readonly string[]): string[] {
    return this.objects(subject, predicates)
      .filter((t) => t.termType === 'Literal')
      .map((t) => t.value);
  }

  /** One text for a single-valued property: the English or untagged literal first, else the first. */
  text(subject: Term, predicates: readonly string[]): string | undefined {
    const literals = this.objects(subject, predicates).filter((t) => t.termType === 'Literal');
    const preferred = literals.find((t) => ['', 'en'].includes((t.language ?? '').toLowerCase().split('-')[0] ?? ''));
    return (preferred ?? literals[0])?.value.trim() || undefined;
  }
}
