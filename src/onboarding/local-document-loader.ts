import fs from 'node:fs';
import { CONTEXT_FILE } from '../info/context-handler';
import { EJPRD_CONTEXT_URL } from '../render/item-schemas';

/** A JSON-LD document names a context this catalog does not hold: nothing is fetched. */
export class UnknownContextError extends Error {
  override name = 'UnknownContextError';
}

interface RemoteDocument {
  contextUrl: undefined;
  documentUrl: string;
  document: unknown;
}

let ejprdContext: unknown;

/**
 * jsonld.js's document loader, offline: the EJP-RD context URL (which the v2 items name)
 * resolves to the corrected copy in `json-ld-contexts/`; any other URL is refused, so
 * reading a file never reaches the network.
 */
export async function localDocumentLoader(url: string): Promise<RemoteDocument> {
  if (url !== EJPRD_CONTEXT_URL)
    throw new UnknownContextError(`the JSON-LD context ${url} is not held locally, and nothing is fetched`);
  ejprdContext ??= JSON.parse(fs.readFileSync(CONTEXT_FILE, 'utf8'));
  return { contextUrl: undefined, documentUrl: url, document: ejprdContext };
}
