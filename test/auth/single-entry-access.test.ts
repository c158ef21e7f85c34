import request from 'supertest';
import type { Express } from 'express';
import { expectBeaconSchema, expectItemsMatchReturnedSchema } from '../support/schema-assertions';
import { startLocalIssuer, type LocalIssuer } from './local-issuer';
import { AUTH_KEY, createTieredApp, tieredCatalog } from './tiered-app';
const V2 = 'ejprd-resources-v2.0.0';

const entry = (id: string): string => `/catalogs/${encodeURIComponent(id)}`;

function recordIds(res: request.Response): string[] {
  return (res.body.response?.resultSets?.[0]?.results ?? []).map((item: Record<string, string>) => item['@id'] ?? item.id);
}

describe('GET/POST /catalogs/{id} under access levels', () => {
  let issuer: LocalIssuer;
  let app: Express;
  const catalog = tieredCatalog();
  const [grantedId, otherControlledId] = catalog.controlled;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    app = createTieredApp(issuer, catalog);
  });

  afterAll(async () => {
    await issuer.close();
  });

  const bearer = async (grants: string[] = []): Promise<string> => {
    const visas = await Promise.all(
      grants.map((value) => issuer.sign({ sub: 'researcher-1', ga4gh_visa_v1: { type: 'ControlledAccessGrants', value, source: 'https://dac.test', by: 'dac', asserted: 1_700_000_000 } })),
    );
    return `Bearer ${await issuer.sign({ sub: 'researcher-1', ...(visas.length > 0 ? { ga4gh_passport_v1: visas } : {}) })}`;
  };

  describe('anonymous callers', () => {
    test('when a public resource is asked for, then it is one record', async () => {
      const res = await request(app).get(entry(catalog.open)).query({ requestedSchema: V2 });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'resultsets');
      expectItemsMatchReturnedSchema(res.body);
      expect(recordIds(res)).toEqual([catalog.open]);
      expect(res.body.info).toBeUndefined();
    });

    test('when the registered resource is asked for in v2, then a count of one with a note and no record', async () => {
      const res = await request(app).get(entry(catalog.registered)).query({ requestedSchema: V2 });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'count');
      expect(res.body.meta.returnedGranularity).toBe('count');
      expect(res.body.responseSummary).toEqual({ exists: true, numTotalResults: 1 });
      expect(res.body.response).toBeUndefined();
      expect(res.body.info).toEqual({ notes: ['this resource is withheld as a record: your access level allows only a count for it'] });
    });

    test('when the registered resource is asked for in v1, then a count of one and info stays absent', async () => {
      const res = await request(app).get(entry(catalog.registered));
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'count');
      expect(res.body.responseSummary).toEqual({ exists: true, numTotalResults: 1 });
      expect(res.body.info).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('"title"');
    });

    test('when a controlled resource is asked for by POST, then a yes/no answer saying it exists', async () => {
      const res = await request(app).post(entry(grantedId)).send({ meta: { requestedSchemas: [V2] }, query: { requestedGranularity: 'record' } });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'boolean');
      expect(res.body.meta.returnedGranularity).toBe('boolean');
      expect(res.body.responseSummary).toEqual({ exists: true });
      expect(res.body.info).toEqual({ notes: ['this resource exists but your access level allows only a yes/no answer for it'] });
    });

    test('when a controlled resource is asked for as CSV, then 406 as /catalogs answers a yes/no-only match', async () => {
      const res = await request(app).get(entry(grantedId)).set('Accept', 'text/csv');
      expect(res.status).toBe(406);
      expectBeaconSchema(res.body, 'error');
      expect(res.text).not.toContain(grantedId);
    });

    test('when a count is asked for a controlled resource, then it is lowered to yes/no', async () => {
      const res = await request(app).get(entry(grantedId)).query({ requestedGranularity: 'count' });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'boolean');
      expect(res.body.responseSummary).toEqual({ exists: true });
    });

    test('when a boolean is asked for the registered resource, then it stays boolean without a note', async () => {
      const res = await request(app).get(entry(catalog.registered)).query({ requestedGranularity: 'boolean', requestedSchema: V2 });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'boolean');
      expect(res.body.info).toBeUndefined();
    });

    test('when an unknown id is asked for, then a 404 Beacon error', async () => {
      const res = await request(app).get(entry('https://nowhere.example/x'));
      expect(res.status).toBe(404);
      expectBeaconSchema(res.body, 'error');
    });
  });

  describe('registered callers (token or auth-key)', () => {
    test('when a valid token asks for the registered resource, then it is one record', async () => {
      const res = await request(app).get(entry(catalog.registered)).set('Authorization', await bearer()).query({ requestedSchema: V2 });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'resultsets');
      expect(recordIds(res)).toEqual([catalog.registered]);
    });

    test('when a valid auth-key asks for the registered resource, then it is one record', async () => {
      const res = await request(app).get(entry(catalog.registered)).set('auth-key', AUTH_KEY).query({ requestedSchema: V2 });
      expect(res.status).toBe(200);
      expect(recordIds(res)).toEqual([catalog.registered]);
    });

    test('when a valid token without visas asks for a controlled resource, then yes/no with the token note', async () => {
      const res = await request(app).get(entry(grantedId)).set('Authorization', await bearer()).query({ requestedSchema: V2 });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'boolean');
      expect(res.body.responseSummary).toEqual({ exists: true });
      expect(res.body.info).toEqual({ notes: ['this resource exists but your access level allows only a yes/no answer for it (your token grants no access to it)'] });
    });
  });

  describe('visa-granted callers', () => {
    test('when the token carries a ControlledAccessGrants visa for the resource, then it is one record', async () => {
      const res = await request(app).get(entry(grantedId)).set('Authorization', await bearer([grantedId])).query({ requestedSchema: V2 });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'resultsets');
      expectItemsMatchReturnedSchema(res.body);
      expect(recordIds(res)).toEqual([grantedId]);
      expect(res.body.info).toBeUndefined();
    });

    test('when the visa grants another controlled resource, then this one is still yes/no only', async () => {
      const res = await request(app).post(entry(otherControlledId)).set('Authorization', await bearer([grantedId])).send({ query: { requestedGranularity: 'record' } });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'boolean');
      expect(res.body.responseSummary).toEqual({ exists: true });
    });

    test('when a visa is signed by a key the issuer never published, then it grants nothing', async () => {
      const forged = await issuer.sign({ sub: 'researcher-1', ga4gh_visa_v1: { type: 'ControlledAccessGrants', value: grantedId, source: 'https://dac.test', by: 'dac', asserted: 1_700_000_000 } }, { key: issuer.strangerKey });
      const token = await issuer.sign({ sub: 'researcher-1', ga4gh_passport_v1: [forged] });
      const res = await request(app).get(entry(grantedId)).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'boolean');
    });
  });

  test('when an expired token is sent, then 401 as on /catalogs', async () => {
    const token = await issuer.sign({ sub: 'x' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const res = await request(app).get(entry(catalog.open)).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expectBeaconSchema(res.body, 'error');
  });
});
