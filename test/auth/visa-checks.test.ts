import request from 'supertest';
import type { Express } from 'express';
import type { JWTPayload } from 'jose';
import { expectBeaconSchema } from '../support/schema-assertions';
import { ISSUER, startLocalIssuer, type LocalIssuer } from './local-issuer';
import { createTieredApp, tieredCatalog } from './tiered-app';
import { VISA_CLOCK_SKEW_SECONDS } from '../../src/auth/passport-visas';

const ALICE = 'alice@ls-aai.test';
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

describe('passport visa checks', () => {
  let issuer: LocalIssuer;
  let app: Express;
  const catalog = tieredCatalog();
  const [granted] = catalog.controlled;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    app = createTieredApp(issuer, catalog);
  });

  afterAll(async () => {
    await issuer.close();
  });

  /** A visa's claims as a broker issues them for alice; each test takes one away or bends one. */
  const visaClaims = (grant: Record<string, unknown> = {}): JWTPayload => ({
    iss: ISSUER,
    sub: ALICE,
    iat: nowSeconds(),
    exp: nowSeconds() + 300,
    ga4gh_visa_v1: {
      type: 'ControlledAccessGrants',
      value: granted,
      source: 'https://dac.test',
      by: 'dac',
      asserted: nowSeconds() - 3600,
      ...grant,
    },
  });

  const askWithVisa = async (visa: JWTPayload): Promise<request.Response> => {
    const token = await issuer.sign({ sub: ALICE, ga4gh_passport_v1: [await issuer.sign(visa, { bare: true })] });
    return request(app)
      .get(`/catalogs/${encodeURIComponent(granted)}`)
      .set('Authorization', `Bearer ${token}`)
      .query({ requestedSchema: 'ejprd-resources-v2.0.0' });
  };

  const expectRecord = (res: request.Response): void => {
    expect(res.status).toBe(200);
    expectBeaconSchema(res.body, 'resultsets');
    expect(res.body.response.resultSets[0].results.map((item: { '@id': string }) => item['@id'])).toEqual([granted]);
  };

  /** Not granted, the controlled record is withheld: by id, the same 404 as an unknown id (SECURITY.md). */
  const expectNotGranted = (res: request.Response): void => {
    expect(res.status).toBe(404);
    expectBeaconSchema(res.body, 'error');
    expect(res.body.error.errorMessage).toContain('that your access level shows');
  };

  test("when the visa has exp, iss, its passport's sub and a past asserted, then the resource is a record", async () => {
    expectRecord(await askWithVisa(visaClaims()));
  });

  test('when the visa has no exp, then it grants nothing', async () => {
    const { exp: _exp, ...claims } = visaClaims();
    expectNotGranted(await askWithVisa(claims));
  });

  test("when the visa is about another subject (bob's visa in alice's passport), then it grants nothing", async () => {
    expectNotGranted(await askWithVisa({ ...visaClaims(), sub: 'bob@ls-aai.test' }));
  });

  test('when the visa has no iss, then it grants nothing', async () => {
    const { iss: _iss, ...claims } = visaClaims();
    expectNotGranted(await askWithVisa(claims));
  });

  test('when the visa has no sub, then it grants nothing', async () => {
    const { sub: _sub, ...claims } = visaClaims();
    expectNotGranted(await askWithVisa(claims));
  });

  test('when the visa was asserted an hour from now, then it grants nothing', async () => {
    expectNotGranted(await askWithVisa(visaClaims({ asserted: nowSeconds() + 3600 })));
  });

  test('when the visa has no asserted, then it grants nothing', async () => {
    expectNotGranted(await askWithVisa(visaClaims({ asserted: undefined })));
  });

  test('when the visa was asserted within the clock skew ahead of now, then the resource is a record', async () => {
    expectRecord(await askWithVisa(visaClaims({ asserted: nowSeconds() + Math.floor(VISA_CLOCK_SKEW_SECONDS / 2) })));
  });
});
