import request from 'supertest';
import type { Express } from 'express';
import { createTestApp } from '../support/test-app';
import { longTextCatalog } from '../support/long-text-catalog';
import { AUDIENCE, ISSUER, startLocalIssuer, type LocalIssuer } from './local-issuer';
import { AUTH_KEY } from './tiered-app';
import type { CatalogResource } from '../../src/model/catalog-resource';

/** A theme only the secret (controlled) record carries, and one only a registered record carries. */
const CONTROLLED_THEME = 'ordo:Orphanet_999001';
const REGISTERED_THEME = 'ordo:Orphanet_999002';
const FIELDS = { title: 'dct:title', description: 'dct:description', id: 'dct:identifier' } as const;

function tieredLongCatalog(): { resources: CatalogResource[]; secret: CatalogResource; registered: CatalogResource } {
  const resources = longTextCatalog(2, true);
  const secretAt = resources.findIndex((r) => r.accessLevel === 'controlled');
  const registeredAt = resources.findIndex((r) => r.accessLevel === 'registered');
  const mark = (at: number, theme: string): CatalogResource => {
    const r = resources[at] as CatalogResource;
    const marked = { ...r, themes: [...r.themes, theme] };
    resources[at] = marked;
    return marked;
  };
  return { resources, secret: mark(secretAt, CONTROLLED_THEME), registered: mark(registeredAt, REGISTERED_THEME) };
}

function query(filters: object[], requestedGranularity: 'boolean' | 'count' = 'boolean') {
  return {
    meta: { apiVersion: 'v2.0.0', requestedSchemas: ['ejprd-resources-v2.0.0'] },
    query: { filters, requestedGranularity },
  };
}

describe('withheld records reveal nothing but their granted granularity', () => {
  const { resources, secret, registered } = tieredLongCatalog();
  let issuer: LocalIssuer;
  let app: Express;
  /** Every character any text of the catalog holds: what an attacker would try. */
  const alphabet = [
    ...new Set(resources.flatMap((r) => [...`${r.title}${r.description ?? ''}${r.id}`.toLowerCase()])),
  ].filter((c) => c !== '%');

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    app = createTestApp({
      resources,
      config: { authIssuer: ISSUER, authJwksUri: issuer.jwksUri, authAudience: AUDIENCE, authKeys: [AUTH_KEY] },
    });
  });

  afterAll(async () => {
    await issuer.close();
  });

  const exists = async (filters: object[]): Promise<boolean> => {
    const res = await request(app).post('/catalogs').send(query(filters));
    expect(res.status).toBe(200);
    return res.body.responseSummary.exists as boolean;
  };

  test('when an anonymous caller asks for the controlled-only theme, then the yes/no its level grants is given', async () => {
    expect(await exists([{ id: CONTROLLED_THEME }])).toBe(true);
  });

  test.each(Object.entries(FIELDS))(
    'when an anonymous caller guesses the %s of a controlled record character by character, then every guess gets the same answer and nothing is recovered',
    async (field, filterId) => {
      const known = field === 'id' ? secret.id.slice(0, 8) : '';
      const answers = new Set<boolean>();
      const hits: string[] = [];
      for (const c of alphabet) {
        for (const operator of ['=', '!']) {
          const answer = await exists([{ id: CONTROLLED_THEME }, { id: filterId, operator, value: `${known}${c}%` }]);
          answers.add(answer);
          if (operator === '=' && answer) hits.push(c);
        }
      }
      expect(hits).toEqual([]);
      expect([...answers]).toEqual([false]);
    },
  );

  test('when an anonymous caller counts the registered-only theme with title prefixes, then every count is the same', async () => {
    const counts = new Set<number>();
    for (const c of alphabet) {
      const res = await request(app)
        .post('/catalogs')
        .send(query([{ id: REGISTERED_THEME }, { id: 'dct:title', value: `${c}%` }], 'count'));
      counts.add(res.body.responseSummary.numTotalResults as number);
    }
    expect([...counts]).toEqual([0]);
    const alone = await request(app)
      .post('/catalogs')
      .send(query([{ id: REGISTERED_THEME }], 'count'));
    expect(alone.body.responseSummary).toEqual({ exists: true, numTotalResults: 1 });
    expect(registered.title.length).toBeGreaterThan(0);
  });

  const termIds = (res: request.Response): string[] =>
    (res.body.response.filteringTerms as { id: string }[]).map((t) => t.id);

  test('when an anonymous caller reads /filtering_terms, then the controlled-only theme is not named, the registered (countable) one is, and the answer is public but varies with credentials', async () => {
    const res = await request(app).get('/filtering_terms');
    expect(res.status).toBe(200);
    expect(termIds(res)).not.toContain(CONTROLLED_THEME);
    expect(termIds(res)).toContain(REGISTERED_THEME);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(res.headers.vary).toMatch(/Authorization/i);
    expect(res.headers.vary).toMatch(/auth-key/i);
  });

  test('when a registered caller (auth-key) reads /filtering_terms, then the controlled-only theme stays unnamed and the answer is private', async () => {
    const res = await request(app).get('/filtering_terms').set('auth-key', AUTH_KEY);
    expect(termIds(res)).not.toContain(CONTROLLED_THEME);
    expect(res.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
  });

  test('when a token grants the controlled record, then /filtering_terms names its theme, privately and with another ETag', async () => {
    const visa = await issuer.sign({
      sub: 'researcher-1',
      ga4gh_visa_v1: {
        type: 'ControlledAccessGrants',
        value: secret.id,
        source: 'https://dac.test',
        by: 'dac',
        asserted: 1_700_000_000,
      },
    });
    const token = await issuer.sign({ sub: 'researcher-1', ga4gh_passport_v1: [visa] });
    const granted = await request(app).get('/filtering_terms').set('Authorization', `Bearer ${token}`);
    const anonymous = await request(app).get('/filtering_terms');
    expect(termIds(granted)).toContain(CONTROLLED_THEME);
    expect(granted.headers['cache-control']).toMatch(/^private, /);
    expect(granted.headers.etag).not.toBe(anonymous.headers.etag);
  });

  test('when the granted caller searches the controlled record by title prefix, then it is found as a record', async () => {
    const visa = await issuer.sign({
      sub: 'researcher-1',
      ga4gh_visa_v1: {
        type: 'ControlledAccessGrants',
        value: secret.id,
        source: 'https://dac.test',
        by: 'dac',
        asserted: 1_700_000_000,
      },
    });
    const token = await issuer.sign({ sub: 'researcher-1', ga4gh_passport_v1: [visa] });
    const res = await request(app)
      .post('/catalogs')
      .set('Authorization', `Bearer ${token}`)
      .send(query([{ id: CONTROLLED_THEME }, { id: 'dct:title', value: `${secret.title.slice(0, 3)}%` }]));
    expect(res.body.responseSummary.exists).toBe(true);
  });
});
