import type { CatalogResource } from '../model/catalog-resource';
import { renderV2Item } from './v2-item';

/** Path of the corrected EJP-RD context this service serves (see `json-ld-contexts/README.md`). */
export const CONTEXT_PATH = '/json-ld-contexts/ejprd-context.json';

/**
 * The results as one JSON-LD document: the context once, the v2 items in `@graph`. The
 * context is the corrected one this service serves, so the document expands with any
 * JSON-LD 1.1 processor (the published one does not).
 */
export function renderJsonLdGraph(resources: readonly CatalogResource[], publicUrl: string): Record<string, unknown> {
  const graph = resources.map((resource) => {
    const { '@context': _context, ...item } = renderV2Item(resource);
    return item;
  });
  return { '@context': `${publicUrl}${CONTEXT_PATH}`, '@graph': graph };
}
