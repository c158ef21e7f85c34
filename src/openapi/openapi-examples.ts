/** Ready-made `/catalogs` requests, shown on `/docs` and checked against the request schema by a test. */
export const CATALOG_REQUEST_EXAMPLES = {
  v1: {
    summary: 'v1 filters (what the VP portal sends): cystic fibrosis biobanks in Italy',
    value: {
      meta: { apiVersion: 'v2.0.0', requestedSchemas: [{ entityType: 'catalog', schema: 'ejprd-resources-v1.0.0' }] },
      query: {
        filters: [
          { id: 'Orphanet_586' },
          { id: 'resourceTypes', operator: '=', value: ['BiobankDataset'] },
          { id: 'country', operator: '=', value: ['IT'] },
        ],
        requestedGranularity: 'record',
      },
    },
  },
  v2: {
    summary: 'v2 filters and JSON-LD items: cystic fibrosis resources in Italy or Germany',
    value: {
      meta: { apiVersion: 'v2.0.0', requestedSchemas: [{ entityType: 'catalog', schema: 'ejprd-resources-v2.0.0' }] },
      query: {
        filters: [{ id: 'ordo:Orphanet_586' }, { id: 'dct:spatial', operator: '=', value: ['IT', 'DE'] }],
        requestedGranularity: 'record',
        pagination: { skip: 0, limit: 10 },
      },
    },
  },
  count: {
    summary: 'How many patient registries there are (count granularity)',
    value: {
      meta: { apiVersion: 'v2.0.0' },
      query: { filters: [{ id: 'ejprd:PatientRegistry' }], requestedGranularity: 'count' },
    },
  },
} as const;
