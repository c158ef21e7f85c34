import { stringify } from 'csv-stringify/sync';
import { MANIFEST_COLUMNS, MANIFEST_HEADER, MANIFEST_LIST_SEPARATOR } from '../catalog/read-manifest-columns';
import type { CatalogResource } from '../model/catalog-resource';
import { EJPRD_CONTEXT_URL } from '../render/item-schemas';
import { renderTurtle } from '../render/turtle';
import { renderV2Item } from '../render/v2-item';
import { LossyExportError } from './cli-errors';
import type { ExportFormat } from './parse-cli-args';

/** One item per line inside the array, so exports diff well and stay one `JSON.parse` away. */
function* jsonLines(items: readonly unknown[], open: string, close: string): Generator<string> {
  yield open;
  for (let i = 0; i < items.length; i += 1) yield `${i === 0 ? '' : ',\n'}${JSON.stringify(items[i])}`;
  yield close;
}

function cellText(resource: CatalogResource, name: string, value: string | readonly string[] | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const lossy = value.find((v) => v.includes(MANIFEST_LIST_SEPARATOR) || v === '');
  if (lossy !== undefined)
    throw new LossyExportError(`${resource.id}: ${name} value "${lossy}" cannot be written in a "|"-separated cell`);
  return value.join(MANIFEST_LIST_SEPARATOR);
}

function* manifestRows(resources: readonly CatalogResource[], delimiter: ',' | '\t'): Generator<string> {
  yield stringify([[...MANIFEST_HEADER]], { delimiter });
  for (const r of resources)
    yield stringify([MANIFEST_COLUMNS.map((c) => cellText(r, c.name, c.cell(r)))], { delimiter });
}

/** The inverse of `load` for each format: what it writes, `load` reads back to the same catalog. */
export function renderExport(resources: readonly CatalogResource[], format: ExportFormat): Iterable<string> {
  if (format === 'csv' || format === 'tsv') return manifestRows(resources, format === 'csv' ? ',' : '\t');
  if (format === 'ttl') return [renderTurtle(resources)];
  const items = resources.map(renderV2Item);
  if (format === 'json') return jsonLines(items, '[\n', '\n]\n');
  const graph = items.map(({ '@context': _context, ...item }) => item);
  return jsonLines(graph, `{"@context":${JSON.stringify(EJPRD_CONTEXT_URL)},"@graph":[\n`, '\n]}\n');
}
