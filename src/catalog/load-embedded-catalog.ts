import type { CatalogResource } from '../model/catalog-resource';
import type { TermColumn } from '../model/term-column';
import { AncestorColumnRecorder } from '../ontology/ancestor-column';
import type { OntologyIndex } from '../ontology/ontology-index';
import { themesOnly } from './load-catalog';
import { streamCatalogFile } from './stream-catalog-file';

/** A catalog as the embedded store takes it. */
export interface EmbeddedCatalog {
  resources: CatalogResource[];
  /** The resources' theme ancestors, in their order, when the documents do not carry them. */
  themeAncestors?: TermColumn;
}

/**
 * The catalog file, streamed, for the embedded store. With ontologies, each document's theme
 * ancestors are recorded as term numbers beside it rather than as strings on it (the store
 * indexes them from there); without, they are its themes, on the document.
 */
export async function loadEmbeddedCatalog(file: string, ontology: OntologyIndex | undefined): Promise<EmbeddedCatalog> {
  if (ontology === undefined) return { resources: await streamCatalogFile(file, themesOnly) };
  const recorder = new AncestorColumnRecorder(ontology);
  const resources = await streamCatalogFile(file, recorder.ancestorsOf);
  return { resources, themeAncestors: recorder.column() };
}
