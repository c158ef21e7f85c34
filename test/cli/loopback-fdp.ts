import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
export const EXAMPLES = path.join(FIXTURES, 'ejprd-metadata', 'data', 'example-rdf', 'turtle');
export const RESOURCES_RDF = path.join(FIXTURES, 'rdf', 'resources.rdf');

/** What the FDP was asked: path, Accept and User-Agent of every request, in order. */
export interface SeenRequest {
  path: string;
  accept: string;
  userAgent: string;
}

export interface LoopbackFdp {
  root: string;
  requests: SeenRequest[];
  /** Ends held answers and open connections, then stops listening. */
  close(): Promise<void>;
}

const turtle = (file: string) => ({ type: 'text/turtle', body: fs.readFileSync(file, 'utf8') });

/** The answer for one path (see fixtures/fdp/README.md); `undefined`: hold the request unanswered. */
function answer(urlPath: string, timesAsked: number): { status?: number; type: string; body: string } | undefined {
  if (urlPath === '/') return turtle(path.join(FIXTURES, 'fdp', 'root.ttl'));
  if (urlPath === '/catalog') return turtle(path.join(FIXTURES, 'fdp', 'catalog.ttl'));
  if (urlPath === '/rdf/resources')
    return { type: 'application/rdf+xml', body: fs.readFileSync(RESOURCES_RDF, 'utf8') };
  if (urlPath === '/slow.ttl') return undefined;
  if (urlPath === '/about.html')
    return { type: 'text/html; charset=utf-8', body: '<!doctype html><title>About</title><p>Not RDF.</p>' };
  if (urlPath === '/examples/guideline.ttl' && timesAsked === 1)
    return { status: 503, type: 'text/plain', body: 'busy' };
  const name = /^\/examples\/([A-Za-z]+\.ttl)$/.exec(urlPath)?.[1];
  if (name !== undefined && fs.existsSync(path.join(EXAMPLES, name))) return turtle(path.join(EXAMPLES, name));
  return { status: 404, type: 'text/plain', body: 'not found' };
}

/** A small FAIR Data Point on 127.0.0.1 serving the fixture files; every request is recorded. */
export async function startLoopbackFdp(): Promise<LoopbackFdp> {
  const requests: SeenRequest[] = [];
  const held: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path: urlPath, accept: req.headers.accept ?? '', userAgent: req.headers['user-agent'] ?? '' });
    const reply = answer(urlPath, requests.filter((r) => r.path === urlPath).length);
    if (reply === undefined) return void held.push(res);
    res.writeHead(reply.status ?? 200, { 'content-type': reply.type }).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    root: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
