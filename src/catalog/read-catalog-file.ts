import fs from 'node:fs';

/** A catalog file that cannot be read as a list of items at all. */
export class CatalogFileError extends Error {
  override name = 'CatalogFileError';
}

/**
 * A catalog file is a JSON array of v2 items, or a JSON-LD document whose `@graph` holds
 * them; items of a `@graph` inherit the document's `@context`.
 */
export function readCatalogFile(file: string): unknown[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CatalogFileError(`cannot read catalog file ${file}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CatalogFileError(`catalog file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return itemsOf(document, file);
}

export function itemsOf(document: unknown, file: string): unknown[] {
  if (Array.isArray(document)) return document;
  if (
    document !== null &&
    typeof document === 'object' &&
    Array.isArray((document as Record<string, unknown>)['@graph'])
  ) {
    const { '@graph': graph, '@context': context } = document as Record<string, unknown>;
    return (graph as unknown[]).map((item) =>
      context !== undefined && item !== null && typeof item === 'object' && !('@context' in item)
        ? { '@context': context, ...item }
        : item,
    );
  }
  throw new CatalogFileError(
    `catalog file ${file} must hold a JSON array of items or a JSON-LD document with "@graph"`,
  );
}
