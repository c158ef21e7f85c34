import type { Response } from 'express';
import { BeaconError } from '../errors/beacon-error';
import type { CatalogResource } from '../model/catalog-resource';
import type { Granularity } from '../model/granularity';
import { renderCsv } from '../render/csv';
import { renderJsonLdGraph } from '../render/jsonld-graph';
import { renderTurtle } from '../render/turtle';
import { CONTENT_TYPES, type CatalogFormat } from './negotiation';

/**
 * Sends `/catalogs` records as JSON-LD, Turtle, CSV or TSV. These list records, so they need
 * record granularity; `X-Total-Count` carries the number of matches beyond the page.
 */
export function sendRecordsAs(
  res: Response,
  format: Exclude<CatalogFormat, 'json'>,
  records: readonly CatalogResource[],
  total: number,
  granularity: Granularity,
  publicUrl: string,
): void {
  if (granularity !== 'record') {
    throw new BeaconError(
      'NOT_ACCEPTABLE',
      `${CONTENT_TYPES[format].split(';')[0]} lists records, but this request is answered at ${granularity} granularity; ask for application/json`,
    );
  }
  res.setHeader('X-Total-Count', String(total));
  res.vary('Accept');
  if (format === 'jsonld') {
    res.type(CONTENT_TYPES.jsonld).send(JSON.stringify(renderJsonLdGraph(records, publicUrl)));
    return;
  }
  if (format === 'ttl') {
    res.type(CONTENT_TYPES.ttl).send(renderTurtle(records));
    return;
  }
  const extension = format === 'csv' ? 'csv' : 'tsv';
  res.setHeader('Content-Disposition', `inline; filename="catalogs.${extension}"`);
  res.type(CONTENT_TYPES[format]).send(renderCsv(records, format === 'csv' ? ',' : '\t'));
}
