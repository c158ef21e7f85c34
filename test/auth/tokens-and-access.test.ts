import request from 'supertest';
import type { Express } from 'express';
import { expectBeaconSchema } from '../support/schema-assertions';
import { AUDIENCE, ISSUER, startLocalIssuer, unsignedToken, type LocalIssuer } from './local-issuer';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { AUTH_KEY, createTieredApp, tieredCatalog } from './tiered-app';
const V2 = {
  meta: { apiVersion: 'v2.0.0', requestedSchemas: ['ejprd-resources-v2.0.0'] },
  query: { requestedGranularity: 'record', pagination: { limit: 1000 } },
};

function byId(id: string) {
  return { ...V2, query: { ...V2.query, filters: [{ id: 'dct:identifier', operator: '=', value: id }] } };
}

function ids(res: request.Response): string[] {
  return (res.body.response?.resultSets?.[0]?.results ?? []).map((item: Record<string, string>) => item['@id']);
}

describe('tokens and tiered access', () => {
  let issuer: LocalIssuer;
  let app: Express;
  const catalog = tieredCatalog();
  const total = catalog.resources.length;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    app = createTieredApp(issuer, catalog);
  });

  afterAll(async () => {
    await issuer.close();
  });

  const visa = (value: string, key?: Parameters<LocalIssuer['sign']>[1]) =>
    issuer.sign(
      {
        sub: 'researcher-1',
        ga4gh_visa_v1: {
          type: 'ControlledAccessGrants',
          value,
          source: 'https://dac.test',
          by: 'dac',
          asserted: 1_700_000_000,
        },
      },
      key,
    );

  test('when no credential is sent, then records are public only, the registered one is counted, and notes say so', async () => {
    const res = await request(app).post('/catalogs').send(V2);
    expect(res.status).toBe(200);
    expectBeaconSchema(res.body, 'resultsets');
    expect(ids(res)).toHaveLength(total - 3);
    expect(ids(res)).not.toContain(catalog.registered);
    expect(res.body.responseSummary).toEqual({ exists: true, numTotalResults: total - 2 });
    expect(res.body.info.notes).toEqual([
      '1 matching resource(s) withheld as records: your access level allows only a count for them',
      'further matching resources are answered yes/no only at your access level',
    ]);
  });

  test('when the request is answered in v1, then info carries no notes', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v0.2' }, query: { filters: [] } });
    expect(res.status).toBe(200);
    expect(res.body.info).toBeUndefined();
    expect(res.body.response.resultSets[0].results).toHaveLength(total - 3);
  });

  test('when a valid token without visas is sent, then registered resources are records and controlled ones stay withheld with a warning', async () => {
    const token = await issuer.sign({ sub: 'researcher-1' });
    const res = await request(app).post('/catalogs').set('Authorization', `Bearer ${token}`).send(V2);
    expect(res.status).toBe(200);
    expect(ids(res)).toHaveLength(total - 2);
    expect(res.body.responseSummary).toEqual({ exists: true, numTotalResults: total - 2 });
    expect(res.body.info.notes).toEqual([
      'further matching resources are answered yes/no only at your access level (your token grants no access to them)',
    ]);
  });

  test('when the token carries a verified ControlledAccessGrants visa, then that controlled resource is a record', async () => {
    const [granted, other] = catalog.controlled;
    const token = await issuer.sign({ sub: 'researcher-1', ga4gh_passport_v1: [await visa(granted)] });
    const res = await request(app).post('/catalogs').set('Authorization', `Bearer ${token}`).send(V2);
    expect(ids(res)).toContain(granted);
    expect(ids(res)).not.toContain(other);
    expect(res.body.responseSummary).toEqual({ exists: true, numTotalResults: total - 1 });
  });

  test('when a visa is signed by a key the issuer never published, then it grants nothing', async () => {
    const [granted] = catalog.controlled;
    const token = await issuer.sign({
      sub: 'researcher-1',
      ga4gh_passport_v1: [await visa(granted, { key: issuer.strangerKey }), 'not-a-jwt'],
    });
    const res = await request(app).post('/catalogs').set('Authorization', `Bearer ${token}`).send(V2);
    expect(res.status).toBe(200);
    expect(ids(res)).not.toContain(granted);
  });

  test('when a controlled resource is named by dct:identifier without a grant, then nothing matches: identifier filters match only records the caller may see', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({
        ...byId(catalog.controlled[0]),
        query: { ...byId(catalog.controlled[0]).query, requestedGranularity: 'boolean' },
      });
    expect(res.status).toBe(200);
    expectBeaconSchema(res.body, 'boolean');
    expect(res.body.responseSummary).toEqual({ exists: false });
    expect(res.body.info).toBeUndefined();
  });

  test('when the registered resource is named by dct:identifier and a count is asked anonymously, then it is not counted', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({
        ...byId(catalog.registered),
        query: { ...byId(catalog.registered).query, requestedGranularity: 'count' },
      });
    expectBeaconSchema(res.body, 'count');
    expect(res.body.responseSummary).toEqual({ exists: false, numTotalResults: 0 });
  });

  test('when a granted controlled resource is named by dct:identifier, then it is its record', async () => {
    const token = await issuer.sign({ sub: 'researcher-1', ga4gh_passport_v1: [await visa(catalog.controlled[0])] });
    const res = await request(app)
      .post('/catalogs')
      .set('Authorization', `Bearer ${token}`)
      .send(byId(catalog.controlled[0]));
    expect(ids(res)).toEqual([catalog.controlled[0]]);
  });

  test('when a valid legacy auth-key is sent, then the caller is registered', async () => {
    const res = await request(app).post('/catalogs').set('auth-key', AUTH_KEY).send(byId(catalog.registered));
    expect(ids(res)).toEqual([catalog.registered]);
  });

  test.each([
    [
      'expired',
      () => issuer.sign({ sub: 'x' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      /the token has expired/,
    ],
    [
      'for another audience',
      () => issuer.sign({ sub: 'x' }, { audience: 'someone-else' }),
      /aud claim is not accepted/,
    ],
    ['signed by a stranger', () => issuer.sign({ sub: 'x' }, { key: issuer.strangerKey }), /signature does not verify/],
    [
      'signed with an unknown kid',
      () => issuer.sign({ sub: 'x' }, { key: issuer.strangerKey, kid: 'rotated-key-9' }),
      /signature does not verify/,
    ],
    [
      'unsigned (alg none)',
      async () => unsignedToken({ iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: Math.floor(Date.now() / 1000) + 300 }),
      /algorithm is not accepted|malformed/,
    ],
    ['not a JWT', async () => 'abc', /not "Bearer <JWT>"/],
  ])('when the token is %s, then 401 with WWW-Authenticate and a Beacon error', async (_what, makeToken, message) => {
    const res = await request(app)
      .post('/catalogs')
      .set('Authorization', `Bearer ${await makeToken()}`)
      .send(V2);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(
      /^Bearer realm="beacon-catalog", error="invalid_token", error_description="[^"]+"$/,
    );
    expectBeaconSchema(res.body, 'error');
    expect(res.body.error.errorMessage).toMatch(message);
  });

  test('when a wrong auth-key is sent, then 401', async () => {
    const res = await request(app).post('/catalogs').set('auth-key', 'wrong-key-wrong-key-wrong').send(V2);
    expect(res.status).toBe(401);
    expectBeaconSchema(res.body, 'error');
  });

  test("when no issuer is configured, then a token is ignored and the answer is today's public one", async () => {
    const res = await request(createTestApp()).post('/catalogs').set('Authorization', 'Bearer a.b.c').send(V2);
    expect(res.status).toBe(200);
    expect(ids(res)).toHaveLength(fixtureCatalog().length);
  });
});
