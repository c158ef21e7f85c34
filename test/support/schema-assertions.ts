import { beaconSchemaValidator, ejprdSchemaValidator } from '../../src/request/schema-registry';

const RESPONSE_SCHEMAS = {
  resultsets: 'responses/beaconResultsetsResponse.json',
  count: 'responses/beaconCountResponse.json',
  boolean: 'responses/beaconBooleanResponse.json',
  error: 'responses/beaconErrorResponse.json',
  entryTypes: 'responses/beaconEntryTypesResponse.json',
} as const;

const ITEM_SCHEMAS = {
  'ejprd-resources-v1.0.0': '1.0.0/ejprd-resources-v1.0.0.json',
  'ejprd-resources-v2.0.0': '2.0.0/ejprd-resources-v2.0.0.json',
} as const;

const V2_TYPES = ['ejprd:Biobank', 'ejprd:PatientRegistry', 'ejprd:Guideline', 'dcat:Dataset'];

/** Throws with ajv's own words when `body` is not valid against the named beacon-v2 response schema. */
export function expectBeaconSchema(body: unknown, kind: keyof typeof RESPONSE_SCHEMAS): void {
  const validate = beaconSchemaValidator(RESPONSE_SCHEMAS[kind]);
  if (!validate(body)) throw new Error(`not a valid ${kind} response: ${JSON.stringify(validate.errors, null, 2)}`);
}

/** Every result item against the EJP-RD schema named in `returnedSchemas` (the v2 `@type` enum enforced too). */
export function expectItemsMatchReturnedSchema(body: any): void {
  const schema = body.meta.returnedSchemas[0].schema as keyof typeof ITEM_SCHEMAS;
  const validate = ejprdSchemaValidator(ITEM_SCHEMAS[schema]);
  for (const set of body.response?.resultSets ?? []) {
    for (const item of set.results as Record<string, string>[]) {
      const valid = validate({ ...item });
      if (!valid) throw new Error(`item ${item.id ?? item['@id']} fails ${schema}: ${JSON.stringify(validate.errors)}`);
      if (schema === 'ejprd-resources-v2.0.0' && !V2_TYPES.includes(item['@type'] ?? ''))
        throw new Error(`bad @type ${item['@type']}`);
    }
  }
}
