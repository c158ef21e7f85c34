/**
 * Puts Stoplight Prism's validating proxy (`--errors`) in front of the running service:
 *  1. the beacon-v2 framework OpenAPI (bundled by redocly) for every informational endpoint;
 *  2. this service's own /openapi.json for the /catalogs queries;
 *  3. the VP OpenAPI (vp_api_v4.0.yml), advisory: violations outside allow-list.json are
 *     printed but do not fail.
 * Every spec comes from this repository (`schemas/`, `fixtures/spec-examples/`); the service
 * is the build's emitted JavaScript (`npm test` builds it first).
 * Usage: tsx test/prism/prism-checks.ts   (`npm test` runs it last). Exit 1 on any violation of 1 or 2.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'fixtures', 'spec-examples');
const FRAMEWORK_ENDPOINTS = path.join(ROOT, 'schemas', 'beacon-v2', 'framework', 'json', 'endpoints.json');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const SERVICE_PORT = 3170;
const SERVICE = `http://127.0.0.1:${SERVICE_PORT}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prism-checks-'));
const children: ChildProcess[] = [];

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}
const INFORMATIONAL: Call[] = [
  '/',
  '/info',
  '/service-info',
  '/configuration',
  '/map',
  '/entry_types',
  '/filtering_terms',
].map((p) => ({ method: 'GET', path: p }));
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const CATALOGS: Call[] = [
  { method: 'GET', path: '/catalogs' },
  { method: 'GET', path: '/catalogs?filters=ordo:Orphanet_586,dct:spatial:IT&requestedSchema=ejprd-resources-v2.0.0' },
  { method: 'GET', path: '/catalogs?requestedGranularity=count' },
  {
    method: 'POST',
    path: '/catalogs',
    body: readJson(path.join(EXAMPLES, 'vp-portal-client-observed', 'catalogs-monitoring-request.json')),
  },
  {
    method: 'POST',
    path: '/catalogs',
    body: readJson(path.join(EXAMPLES, 'vp-portal-client-observed', 'catalogs-search-request.json')),
  },
  {
    method: 'POST',
    path: '/catalogs',
    body: { meta: { apiVersion: 'v2.0.0' }, query: { requestedGranularity: 'boolean' } },
  },
  {
    method: 'GET',
    path: `/catalogs/${encodeURIComponent('https://catalog.beacon-catalog.example/resource/cf-biobank-verona')}`,
  },
];

function start(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
}

async function waitFor(url: string, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not come up within ${seconds} s`);
}

async function prism(spec: string, port: number): Promise<string> {
  start(path.join(BIN, 'prism'), ['proxy', spec, SERVICE, '--errors', '--port', String(port), '--host', '127.0.0.1']);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(base);
  return base;
}

/** Prism's problem+json on a violation (422 request, 500 response), else undefined. */
async function violations(base: string, call: Call): Promise<string[] | undefined> {
  const init: RequestInit = {
    method: call.method,
    headers: {
      'auth-key': 'prism-check',
      Accept: 'application/json',
      ...(call.body !== undefined && { 'Content-Type': 'application/json' }),
    },
  };
  if (call.body !== undefined) init.body = JSON.stringify(call.body);
  const res = await fetch(base + call.path, init);
  const text = await res.text();
  if (res.status < 400) return undefined;
  const problem = JSON.parse(text) as { type?: string; validation?: { message: string }[]; title?: string };
  if (!problem.type?.includes('stoplight.io/prism'))
    return [`HTTP ${res.status} from the service: ${text.slice(0, 300)}`];
  return (problem.validation ?? [])
    .map((v) => v.message)
    .concat(problem.validation ? [] : [problem.title ?? problem.type]);
}

async function check(base: string, calls: Call[], label: string): Promise<number> {
  let failures = 0;
  for (const call of calls) {
    const found = await violations(base, call);
    process.stdout.write(`${found ? 'FAIL' : 'ok  '} [${label}] ${call.method} ${call.path}\n`);
    for (const v of found ?? []) process.stdout.write(`       ${v}\n`);
    if (found) failures++;
  }
  return failures;
}

async function advisory(base: string): Promise<void> {
  const allow = (
    readJson(path.join(__dirname, 'allow-list.json')) as { entries: { endpoint: string; message: string }[] }
  ).entries;
  // The VP spec has no `/`; everything else it describes is called.
  for (const call of [...INFORMATIONAL.filter((c) => c.path !== '/'), ...CATALOGS.filter((c) => c.method === 'POST')]) {
    const endpoint = call.path.split('?')[0]!;
    const found = (await violations(base, call)) ?? [];
    const unexpected = found.filter((v) => !allow.some((a) => a.endpoint === endpoint && v.includes(a.message)));
    process.stdout.write(
      `${unexpected.length ? 'WARN' : 'ok  '} [vp advisory] ${call.method} ${call.path}${found.length ? ` (${found.length - unexpected.length} allow-listed)` : ''}\n`,
    );
    for (const v of unexpected) process.stdout.write(`       ${v}\n`);
  }
}

async function main(): Promise<number> {
  start(process.execPath, ['dist/main.js'], {
    PORT: String(SERVICE_PORT),
    HOST: '127.0.0.1',
    PUBLIC_URL: SERVICE,
    LOG_LEVEL: 'warn',
  });
  await waitFor(`${SERVICE}/info`);
  const framework = path.join(work, 'framework-endpoints.json');
  const bundle = spawnSync(path.join(BIN, 'redocly'), ['bundle', FRAMEWORK_ENDPOINTS, '-o', framework], {
    cwd: ROOT,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    stdio: 'ignore',
  });
  if (bundle.status !== 0) throw new Error('redocly bundle of the framework endpoints.json failed');
  const own = path.join(work, 'openapi.json');
  fs.writeFileSync(own, await (await fetch(`${SERVICE}/openapi.json`)).text());
  const [frameworkBase, ownBase, vpBase] = await Promise.all([
    prism(framework, 4110),
    prism(own, 4111),
    prism(path.join(EXAMPLES, 'vp-api-specs', 'vp_api_v4.0.yml'), 4112),
  ]);
  let failures = await check(frameworkBase, INFORMATIONAL, 'beacon-v2 framework');
  failures += await check(ownBase, [...INFORMATIONAL, ...CATALOGS], 'own openapi');
  await advisory(vpBase);
  process.stdout.write(failures ? `${failures} call(s) violated the specs\n` : 'no violations\n');
  return failures ? 1 : 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    process.stderr.write(`prism checks failed to run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) child.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  });
