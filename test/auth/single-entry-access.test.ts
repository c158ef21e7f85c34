import request from 'supertest';
import type { Express } from 'express';
import { expectBeaconSchema, expectItemsMatchReturnedSchema } from '../support/schema-assertions';
import { startLocalIssuer, type LocalIssuer } from './local-issuer';
import { AUTH_KEY, createTieredApp, tieredCatalog } from './tiered-app';
const V2 = 'ejprd-resources-v2.0.0';

const entry = (id: string): string => `/catalogs/${encodeURIComponent(id)}`;

function recordIds(res: request.Response): string[] {
  return (res.body.response?.resultSets?.[0]?.results ?? []).map(
    (item: Record<string, string>) => item['@id'] ?? item.id,
  );
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
      grants.map((value) =>
        issuer.sign({
          sub: 'researcher-1',
          ga4gh_visa_v1: {
            type: 'ControlledAccessGrants',
            value,
            source: 'https://dac.test',
            by: 'dac',
            asserted: 1_700_000_000,
          },
        }),
      ),
    );
    return `Bearer ${await issuer.sign({ sub: 'researcher-1', ...(visas.length > 0 ? { ga4gh_passport_v1: visas } : {}) })}`;
  };

  /** The answer for a withheld id is the unknown id's answer, with only the asked id in its message. */
  const expectWithheldLikeUnknown = (res: request.Response): void => {
    expect(res.status).toBe(404);
    expectBeaconSchema(res.body, 'error');
    expect(res.body.error.errorMessage).toMatch(
      /^no catalog resource with id \S+ that your access level shows; list ids with GET \/catalogs$/,
    );
    expect(res.text).not.toMatch(/"title"|"description"|exists/);
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

    test.each([
      [
        'the registered resource in v2',
        () => request(app).get(entry(catalog.registered)).query({ requestedSchema: V2 }),
      ],
      ['the registered resource in v1', () => request(app).get(entry(catalog.registered))],
      [
        'the registered resource as a boolean',
        () => request(app).get(entry(catalog.registered)).query({ requestedGranularity: 'boolean' }),
      ],
      [
        'a controlled resource by POST',
        () =>
          request(app)
            .post(entry(grantedId))
            .send({ meta: { requestedSchemas: [V2] }, query: { requestedGranularity: 'record' } }),
      ],
      [
        'a controlled resource as a count',
        () => request(app).get(entry(grantedId)).query({ requestedGranularity: 'count' }),
      ],
      ['a controlled resource as CSV', () => request(app).get(entry(grantedId)).set('Accept', 'text/csv')],
    ])('when %s is asked for, then the same 404 as an unknown id, naming nothing of it', async (_what, ask) => {
      const res = await ask();
      expectWithheldLikeUnknown(res);
    });

    test('when an unknown id is asked for, then a 404 Beacon error', async () => {
      const res = await request(app).get(entry('https://nowhere.example/x'));
      expectWithheldLikeUnknown(res);
    });
  });

  describe('registered callers (token or auth-key)', () => {
    test('when a valid token asks for the registered resource, then it is one record', async () => {
      const res = await request(app)
        .get(entry(catalog.registered))
        .set('Authorization', await bearer())
        .query({ requestedSchema: V2 });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'resultsets');
      expect(recordIds(res)).toEqual([catalog.registered]);
    });

    test('when a valid auth-key asks for the registered resource, then it is one record', async () => {
      const res = await request(app)
        .get(entry(catalog.registered))
        .set('auth-key', AUTH_KEY)
        .query({ requestedSchema: V2 });
      expect(res.status).toBe(200);
      expect(recordIds(res)).toEqual([catalog.registered]);
    });

    test('when a valid token without visas asks for a controlled resource, then the same 404 as an unknown id', async () => {
      const res = await request(app)
        .get(entry(grantedId))
        .set('Authorization', await bearer())
        .query({ requestedSchema: V2 });
      expectWithheldLikeUnknown(res);
    });
  });

  describe('visa-granted callers', () => {
    test('when the token carries a ControlledAccessGrants visa for the resource, then it is one record', async () => {
      const res = await request(app)
        .get(entry(grantedId))
        .set('Authorization', await bearer([grantedId]))
        .query({ requestedSchema: V2 });
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'resultsets');
      expectItemsMatchReturnedSchema(res.body);
      expect(recordIds(res)).toEqual([grantedId]);
      expect(res.body.info).toBeUndefined();
    });

    test('when the visa grants another controlled resource, then this one is the same 404 as an unknown id', async () => {
      const res = await request(app)
        .post(entry(otherControlledId))
        .set('Authorization', await bearer([grantedId]))
        .send({ query: { requestedGranularity: 'record' } });
      expectWithheldLikeUnknown(res);
    });

    test('when a visa is signed by a key the issuer never published, then it grants nothing', async () => {
      const forged = await issuer.sign(
        {
          sub: 'researcher-1',
          ga4gh_visa_v1: {
            type: 'ControlledAccessGrants',
            value: grantedId,
            source: 'https://dac.test',
            by: 'dac',
            asserted: 1_700_000_000,
          },
        },
        { key: issuer.strangerKey },
      );
      const token = await issuer.sign({ sub: 'researcher-1', ga4gh_passport_v1: [forged] });
      const res = await request(app).get(entry(grantedId)).set('Authorization', `Bearer ${token}`);
      expectWithheldLikeUnknown(res);
    });
  });

  test('when an expired token is sent, then 401 as on /catalogs', async () => {
    const token = await issuer.sign({ sub: 'x' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const res = await request(app).get(entry(catalog.open)).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expectBeaconSchema(res.body, 'error');
  });
});
