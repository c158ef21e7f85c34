import request from 'supertest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createTestApp } from '../support/test-app';
import { ROUTES, routeLabel } from '../../src/http/routes';

const app = createTestApp({ config: { publicUrl: 'https://beacon.example.org' } });

type Json = Record<string, any>;

async function loadDocument(): Promise<Json> {
  const res = await request(app).get('/openapi.json');
  expect(res.status).toBe(200);
  return res.body as Json;
}

/** A validator for a JSON pointer into the document, its `$ref`s resolved inside the document. */
function validatorFor(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'https://openapi.test/doc' });
  return (pointer: string) => ajv.compile({ $ref: `https://openapi.test/doc#${pointer}` });
}

describe('GET /openapi.json', () => {
  test('when fetched, then it is OpenAPI 3.1 with the public URL as its server', async () => {
    const document = await loadDocument();
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: 'https://beacon.example.org' }]);
  });

  test('when compared with the route table, then every route and method the app serves is documented, and nothing more', async () => {
    const document = await loadDocument();
    const served = ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${routeLabel(r)}`)).sort();
    const documented = Object.entries(document.paths as Json)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(served);
  });

  test('when every $ref is followed, then each resolves inside the document', async () => {
    const document = await loadDocument();
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    const compile = validatorFor(document);
    for (const raw of new Set(refs)) {
      const pointer = raw.slice(8, -1);
      expect(pointer.startsWith('#/components/schemas/')).toBe(true);
      expect(() => compile(pointer.slice(1))).not.toThrow();
    }
  });

  test('when each POST /catalogs example is validated and sent, then it fits the request schema and the answer fits the documented 200', async () => {
    const document = await loadDocument();
    const compile = validatorFor(document);
    const validateRequest = compile('/paths/~1catalogs/post/requestBody/content/application~1json/schema');
    const validateAnswer = compile('/paths/~1catalogs/post/responses/200/content/application~1json/schema');
    const examples = Object.entries(
      document.paths['/catalogs'].post.requestBody.content['application/json'].examples as Json,
    );
    expect(examples.map(([name]) => name)).toEqual(['v1', 'v2', 'count']);
    for (const [name, example] of examples) {
      expect([name, validateRequest(example.value), validateRequest.errors]).toEqual([name, true, null]);
      const res = await request(app).post('/catalogs').send(example.value);
      expect(res.status).toBe(200);
      expect([name, validateAnswer(res.body), validateAnswer.errors]).toEqual([name, true, null]);
      expect(res.body.responseSummary.exists).toBe(true);
    }
  });

  test('when repeated with its ETag, then 304', async () => {
    const first = await request(app).get('/openapi.json');
    const again = await request(app).get('/openapi.json').set('If-None-Match', first.headers.etag!);
    expect(again.status).toBe(304);
  });
});

describe('GET /docs', () => {
  test('when fetched, then an HTML page that loads Swagger UI from this server only', async () => {
    const res = await request(app).get('/docs');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const sources = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual([
      'docs/swagger-ui.css',
      'docs/favicon-32x32.png',
      'docs/swagger-ui-bundle.js',
      'docs/init.js',
    ]);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self' https://beacon.example.org");
  });

  test.each(['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js', 'favicon-32x32.png'])(
    'when the asset %s is fetched, then 200',
    async (file) => {
      const res = await request(app).get(`/docs/${file}`);
      expect(res.status).toBe(200);
    },
  );

  test('when any other file is asked for, then a 404 Beacon error', async () => {
    const res = await request(app).get('/docs/package.json');
    expect(res.status).toBe(404);
    expect(res.body.error.errorCode).toBe(404);
  });
});
