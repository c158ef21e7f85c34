import type { CatalogResource } from '../model/catalog-resource';
import type { OntologyIndex } from '../ontology/ontology-index';
import { themeClosuresOf } from '../ontology/theme-closures';
import type { ThemeClosure } from '../store/memory-store';
import { themesOnly } from './load-catalog';
import { streamCatalogFile } from './stream-catalog-file';

/** A catalog as the embedded store takes it. */
export interface EmbeddedCatalog {
  resources: CatalogResource[];
  /** Each theme's closure, when the documents do not carry their theme ancestors. */
  themeClosure?: ThemeClosure;
}

/**
 * The catalog file, streamed, for the embedded store. With ontologies the documents carry
 * no theme ancestors: the store derives them per theme from each theme's closure, where
 * storing them would be fifty million strings for a million resources. Without, a
 * document's theme ancestors are its themes.
 */
export async function loadEmbeddedCatalog(file: string, ontology: OntologyIndex | undefined): Promise<EmbeddedCatalog> {
  if (ontology === undefined) return { resources: await streamCatalogFile(file, themesOnly) };
  const closures = themeClosuresOf(ontology);
  return { resources: await streamCatalogFile(file, () => undefined), themeClosure: (theme) => closures.of(theme) };
}
