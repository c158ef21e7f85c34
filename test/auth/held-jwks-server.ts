import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';

/** A JWKS server on loopback that holds every request until `release` (or forever): a slow issuer. */
export interface HeldJwksServer {
  jwksUri: string;
  /** Requests received so far. */
  requests(): number;
  /** Resolves when the next request arrives. */
  nextRequest(): Promise<void>;
  /** Answers the held requests (and all later ones) with the real key set of `jwksUri`. */
  release(fromUri: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHeldJwksServer(): Promise<HeldJwksServer> {
  const held: ServerResponse[] = [];
  let received = 0;
  let keys: string | undefined;
  const server = http.createServer((_req, res) => {
    received += 1;
    if (keys === undefined) held.push(res);
    else res.writeHead(200, { 'Content-Type': 'application/json' }).end(keys);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    jwksUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
    requests: () => received,
    nextRequest: async () => void (await once(server, 'request')),
    release: async (fromUri) => {
      keys = await (await fetch(fromUri)).text();
      for (const res of held.splice(0)) res.writeHead(200, { 'Content-Type': 'application/json' }).end(keys);
    },
    close: async () => {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
