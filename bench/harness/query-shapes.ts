import fs from 'node:fs';
import path from 'node:path';

/** One real query shape: a POST /catalogs body, built for a page size. */
export interface QueryShape {
  name: string;
  body(limit: number): Record<string, unknown>;
}

const MONITORING = JSON.parse(
  fs.readFileSync(
    path.join(
      __dirname,
      '..',
      '..',
      'fixtures',
      'spec-examples',
      'vp-portal-client-observed',
      'catalogs-monitoring-request.json',
    ),
    'utf8',
  ),
) as { meta: Record<string, unknown>; query: Record<string, unknown> };

const V2_META = {
  apiVersion: 'v2.0.0',
  requestedSchemas: [{ entityType: 'catalog', schema: 'ejprd-resources-v2.0.0' }],
};
/** A broad ORDO class ("rare neurologic disease"): many generated themes fall under it. */
const BROAD_CLASS = 'ordo:Orphanet_98006';

const page = (limit: number, skip = 0): Record<string, unknown> => ({ pagination: { skip, limit } });

export const QUERY_SHAPES: readonly QueryShape[] = [
  {
    name: 'VP monitoring (all countries, all types)',
    body: (limit) => ({ meta: MONITORING.meta, query: { ...MONITORING.query, ...page(limit) } }),
  },
  {
    name: 'v1: 3 diseases',
    body: (limit) => ({
      meta: { apiVersion: 'v0.2' },
      query: { filters: [{ id: ['Orphanet_586', 'Orphanet_98896', 'Orphanet_558'] }], ...page(limit) },
    }),
  },
  {
    name: 'v2: type + country',
    body: (limit) => ({
      meta: V2_META,
      query: {
        filters: [
          { id: 'rdf:type', operator: '=', value: 'ejprd:PatientRegistry' },
          { id: 'dct:spatial', operator: '=', value: ['DE', 'FR'] },
        ],
        ...page(limit),
      },
    }),
  },
  {
    name: 'v2: descendants of a class',
    body: (limit) => ({
      meta: V2_META,
      query: { filters: [{ id: BROAD_CLASS, includeDescendantTerms: true }], ...page(limit) },
    }),
  },
  {
    name: 'v2: % title search',
    body: (limit) => ({
      meta: V2_META,
      query: { filters: [{ id: 'dct:title', operator: '=', value: '%dystrophy%' }], ...page(limit) },
    }),
  },
  {
    name: 'count granularity',
    body: (limit) => ({
      meta: V2_META,
      query: {
        filters: [
          { id: BROAD_CLASS, includeDescendantTerms: true },
          { id: 'dct:spatial', operator: '=', value: 'DE' },
        ],
        requestedGranularity: 'count',
        ...page(limit),
      },
    }),
  },
  { name: 'no filters, page 3', body: (limit) => ({ meta: { apiVersion: 'v0.2' }, query: page(limit, 2) }) },
];
