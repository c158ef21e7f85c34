import type { CatalogResource } from '../model/catalog-resource';
import type { OntologyIndex } from '../ontology/ontology-index';
import { themeClosureOf } from '../ontology/theme-closures';
import type { CatalogExtras } from '../store/memory/memory-store';
import { themeAlone } from '../store/catalog-store';
import { streamCatalog } from './stream-catalog-file';

/** A catalog as the embedded store takes it (`MemoryStore.build`): its documents, and what the store may use of what the load built. */
export interface EmbeddedCatalog extends CatalogExtras {
  resources: CatalogResource[];
}

/**
 * The catalog file, streamed, for the embedded store. The documents carry no theme
 * ancestors: the store derives them per theme from each theme's closure in `ontology`,
 * where storing them would be fifty million strings for a million resources (without
 * ontologies a theme's closure is the theme alone). A streamed file's titles are indexed
 * by the worker thread that checks it, beside the load, and may still be in the making
 * (with the check's verdict) when this resolves. The ontology may still be loading: the
 * worker starts on the file at once, and this thread once the ontology is in.
 */
export async function loadEmbeddedCatalog(
  file: string,
  ontology: OntologyIndex | undefined | Promise<OntologyIndex | undefined>,
): Promise<EmbeddedCatalog> {
  const { resources, titles } = await streamCatalog(file, true, Promise.resolve(ontology));
  const index = await ontology;
  return {
    resources,
    themeClosure: index ? themeClosureOf(index) : themeAlone,
    ...(titles ? { titles } : {}),
  };
}
