import { DEFAULT_LICENCE, descriptionToItem } from '../onboarding/description-to-item';
import type { Quad } from 'n3';
import { parseRdf, RdfSyntaxError, type RdfFormat } from '../onboarding/parse-rdf';
import { RdfGraph } from '../onboarding/rdf-graph';
import { resourceDescriptions } from '../onboarding/resource-descriptions';
import { InputError } from './cli-errors';
import type { SourceRecord } from './read-records';

const SYNTAX_NAMES: Readonly<Record<RdfFormat, string>> = {
  turtle: 'Turtle',
  ntriples: 'N-Triples',
  rdfxml: 'RDF/XML',
  jsonld: 'JSON-LD',
};

function skippedLine(file: string, skipped: ReadonlyMap<string, number>): string | undefined {
  const total = [...skipped.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const byType = [...skipped].map(([type, n]) => `${n} ${type}`).join(', ');
  return `${file}: skipped ${total} description(s) of types the catalog does not serve (${byType})`;
}

/**
 * One RDF file in the EJP-RD Resource Metadata model -> a v2 item per biobank, patient
 * registry, guideline and dataset, `where` naming its IRI. What the mapping refuses rides
 * on the record, so validation reports it with its own reasons; notes say what was skipped
 * and what took a default.
 */
export async function readRdfRecords(
  file: string,
  text: string,
  format: RdfFormat,
  onNote: (line: string) => void,
): Promise<SourceRecord[]> {
  let graph: RdfGraph;
  try {
    graph = new RdfGraph(await parseRdf(text, format, file));
  } catch (error) {
    if (!(error instanceof RdfSyntaxError)) throw error;
    throw new InputError(`${file}: not ${SYNTAX_NAMES[format]} this catalog can read: ${error.message}`);
  }
  return recordsOfGraph(file, graph, onNote);
}

/** The records of one parsed document (a file, or a harvested URL as `source`). */
export function recordsOfQuads(source: string, quads: readonly Quad[], onNote: (line: string) => void): SourceRecord[] {
  return recordsOfGraph(source, new RdfGraph(quads), onNote);
}

function recordsOfGraph(file: string, graph: RdfGraph, onNote: (line: string) => void): SourceRecord[] {
  const { resources, skipped } = resourceDescriptions(graph);
  let defaultLicences = 0;
  const records = resources.map((description, index): SourceRecord => {
    const { item, problems, defaulted } = descriptionToItem(description);
    if (defaulted.includes('license')) defaultLicences += 1;
    const where = description.iri === undefined ? `blank node ${index}` : `<${description.iri}>`;
    return { source: file, where, item, ...(problems.length > 0 ? { problems } : {}) };
  });
  const skippedNote = skippedLine(file, skipped);
  if (skippedNote) onNote(skippedNote);
  if (defaultLicences > 0)
    onNote(
      `${file}: ${defaultLicences} record(s) took the default licence ${DEFAULT_LICENCE} (none given; the EJP-RD template's default)`,
    );
  return records;
}
