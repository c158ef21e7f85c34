import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { CatalogStore } from '../store/catalog-store';
import type { TermGraph } from '../filters/filter-types';
import type { OntologyIndex } from '../ontology';

/** Everything the app is built from; tests pass their own. */
export interface AppDeps {
  config: Readonly<Config>;
  store: CatalogStore;
  logger: Logger;
  /** Ontology hierarchy for descendant/similarity queries and term resolution, when loaded. */
  graph?: TermGraph;
  /** The loaded ontologies (labels for `/filtering_terms`, versions for `/info`), when any are. */
  ontology?: OntologyIndex;
}
