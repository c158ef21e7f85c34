import type { Request } from 'express';
import { BeaconError } from '../errors/beacon-error';

/** The representations of `/catalogs` results; `json` is the Beacon envelope. */
export const CATALOG_FORMATS = ['json', 'jsonld', 'csv', 'tsv', 'ttl'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

/** Media types in order of preference when the client accepts several equally. */
const MEDIA_TYPES: readonly (readonly [string, CatalogFormat])[] = [
  ['application/json', 'json'],
  ['application/ld+json', 'jsonld'],
  ['text/csv', 'csv'],
  ['text/tab-separated-values', 'tsv'],
  ['text/tsv', 'tsv'],
  ['text/turtle', 'ttl'],
];

export const CONTENT_TYPES: Readonly<Record<CatalogFormat, string>> = {
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  tsv: 'text/tab-separated-values; charset=utf-8; header=present',
  ttl: 'text/turtle; charset=utf-8',
};

/** A Map, so `?format=constructor` finds nothing rather than Object.prototype's. */
const FORMAT_PARAMETER: ReadonlyMap<string, CatalogFormat> = new Map([
  ['json', 'json'],
  ['jsonld', 'jsonld'],
  ['json-ld', 'jsonld'],
  ['csv', 'csv'],
  ['tsv', 'tsv'],
  ['ttl', 'ttl'],
  ['turtle', 'ttl'],
]);

function notAcceptable(offered: string): BeaconError {
  return new BeaconError(
    'NOT_ACCEPTABLE',
    `cannot answer with ${offered}; ask for one of application/json, application/ld+json, text/csv, text/tab-separated-values, text/turtle`,
  );
}

/** `?format=` wins over `Accept`; an Accept header nothing matches is a 406. */
export function negotiateCatalogFormat(req: Request): CatalogFormat {
  const parameter = req.query.format;
  if (typeof parameter === 'string') {
    const format = FORMAT_PARAMETER.get(parameter.toLowerCase());
    if (!format)
      throw new BeaconError(
        'INVALID_REQUEST',
        `format=${parameter} is not supported; use json, jsonld, csv, tsv or ttl`,
      );
    return format;
  }
  const chosen = req.accepts(MEDIA_TYPES.map(([type]) => type));
  const match = MEDIA_TYPES.find(([type]) => type === chosen);
  if (!match) throw notAcceptable(req.headers.accept ?? '');
  return match[1];
}

/** Informational endpoints speak JSON only. */
export function requireJsonAccept(req: Request): void {
  if (!req.accepts('application/json')) throw notAcceptable(req.headers.accept ?? '');
}
