import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { CatalogStore } from '../store/catalog-store';
import type { OntologyIndex } from '../ontology';

/** Everything the app is built from; tests pass their own. */
export interface AppDeps {
  config: Readonly<Config>;
  store: CatalogStore;
  logger: Logger;
  /**
   * The loaded ontologies, when any are: term resolution and the hierarchy for descendant and
   * similarity filters, labels for `/filtering_terms`, versions for `/info`.
   */
  ontology?: OntologyIndex;
}
