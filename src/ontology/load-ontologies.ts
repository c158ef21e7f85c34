import { buildOntologyIndex } from './build-ontology-index';
import { classifyOrdo } from './classify-ordo';
import type { OntologyIndex, OntologyVersion } from './ontology-index';
import { OntologyLoadError, OntologyLoadFailure } from './ontology-load-error';
import { OntologyFormat, openOntologyFile, readAllText } from './open-ontology-file';
import { parseObo } from './parse-obo';
import { parseObographs } from './parse-obographs';
import type { ParsedOntology } from './parsed-ontology';
import { readOrdoOwl } from './read-ordo-owl';

export interface LoadOntologiesOptions {
  /** Told about each file once it is parsed, e.g. to log it; `ms` is that file's parse time. */
  onLoaded?: (version: OntologyVersion, ms: number) => void;
}

/** Reads and parses one ontology file, whatever its format and compression. */
export async function loadOntologyFile(file: string): Promise<ParsedOntology> {
  const opened = await openOntologyFile(file);
  let parsed: ParsedOntology;
  if (opened.format === OntologyFormat.owl) parsed = classifyOrdo(await readOrdoOwl(opened.stream, file), file);
  else if (opened.format === OntologyFormat.obographs) parsed = parseObographs(await readAllText(opened), file);
  else parsed = parseObo(await readAllText(opened), file);
  if (parsed.terms.length === 0) {
    throw new OntologyLoadError(
      file,
      OntologyLoadFailure.noTerms,
      `no HPO or ORDO terms found in this ${opened.format} file`,
    );
  }
  return parsed;
}

function countActive(parsed: ParsedOntology): number {
  return parsed.terms.reduce((count, term) => count + (term.obsolete ? 0 : 1), 0);
}

/**
 * Loads HPO/ORDO files (obographs JSON, OWL RDF/XML or OBO; gzip or not) and merges them
 * into one index. Files are read one after another to keep peak memory low.
 * @throws OntologyLoadError naming the first file that cannot be used.
 */
export async function loadOntologies(
  paths: readonly string[],
  options: LoadOntologiesOptions = {},
): Promise<OntologyIndex> {
  const parsed: ParsedOntology[] = [];
  for (const file of paths) {
    const started = performance.now();
    const ontology = await loadOntologyFile(file);
    parsed.push(ontology);
    const { prefix, name, version } = ontology;
    options.onLoaded?.({ prefix, name, version, file, terms: countActive(ontology) }, performance.now() - started);
  }
  return buildOntologyIndex(parsed);
}
