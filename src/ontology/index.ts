export type { OntologyIndex, OntologyPrefix, OntologyVersion, TermResolution } from './ontology-index';
export { OntologyLoadError, OntologyLoadFailure } from './ontology-load-error';
export { loadOntologies, loadOntologyFile } from './load-ontologies';
export type { LoadOntologiesOptions } from './load-ontologies';
export { buildOntologyIndex, emptyOntologyIndex } from './build-ontology-index';
export type { ParsedOntology, ParsedTerm } from './parsed-ontology';
