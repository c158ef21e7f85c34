import request from 'supertest';
import { createTestApp } from '../support/test-app';
import { expectBeaconSchema } from '../support/schema-assertions';
import { beaconSchemaValidator } from '../../src/request/schema-registry';

describe('/entry_types', () => {
  test.each(['get', 'post'] as const)(
    'when called with %s, then the catalog entry type is described validly',
    async (method) => {
      const res = await request(createTestApp())
        [method]('/entry_types')
        .send(method === 'post' ? { meta: { apiVersion: 'v2.0.0' } } : undefined);
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'entryTypes');
      const validateSection = beaconSchemaValidator('configuration/entryTypesSchema.json');
      expect(validateSection(res.body.response)).toBe(true);
      const catalog = res.body.response.entryTypes.catalog;
      expect(catalog.defaultSchema).toEqual({
        id: 'ejprd-resources-v1.0.0',
        name: 'EJPRD schema for resources',
        referenceToSchemaDefinition:
          'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/schemas/1.0.0/ejprd-resources-v1.0.0.json',
        schemaVersion: 'v1.0.0',
      });
      expect(catalog.additionallySupportedSchemas.map((s: { id: string }) => s.id)).toEqual(['ejprd-resources-v2.0.0']);
      expect(catalog.ontologyTermForThisType).toEqual({ id: 'dcat:Catalog', label: 'Catalog' });
    },
  );

  test('when v2 is configured as the default, then it is the default schema', async () => {
    const res = await request(createTestApp({ config: { defaultSchema: 'v2' } })).get('/entry_types');
    expect(res.body.response.entryTypes.catalog.defaultSchema.id).toBe('ejprd-resources-v2.0.0');
    expect(res.body.meta.returnedSchemas.map((s: { schema: string }) => s.schema)).toEqual([
      'ejprd-resources-v2.0.0',
      'ejprd-resources-v1.0.0',
    ]);
  });
});
