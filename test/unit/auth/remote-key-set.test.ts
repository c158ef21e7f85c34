import http, { type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { createRemoteKeySet, KeysUnavailableError } from '../../../src/auth/remote-key-set';

const HEADER = { alg: 'RS256', kid: 'issuer-key-1' };
const TOKEN = { payload: '', signature: '' };

describe('createRemoteKeySet', () => {
  let server: Server;

  const serve = async (handler: RequestListener): Promise<string> => {
    server = http.createServer(handler).listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  };

  afterEach(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  test('when the server sends headers but never the whole body, then the fetch gives up with KeysUnavailableError', async () => {
    const uri = await serve(
      (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).write('{"keys": ['),
    );
    await expect(createRemoteKeySet(uri, 100)(HEADER, TOKEN)).rejects.toBeInstanceOf(KeysUnavailableError);
  });

  test('when the server answers 500, then KeysUnavailableError, not a token fault', async () => {
    const uri = await serve((_req, res) => void res.writeHead(500).end());
    await expect(createRemoteKeySet(uri, 1000)(HEADER, TOKEN)).rejects.toBeInstanceOf(KeysUnavailableError);
  });

  test("when the keys arrive but none has the token's kid, then jose's no-matching-key error, the token's fault", async () => {
    const uri = await serve(
      (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"keys": []}'),
    );
    await expect(createRemoteKeySet(uri, 1000)(HEADER, TOKEN)).rejects.toMatchObject({
      code: 'ERR_JWKS_NO_MATCHING_KEY',
    });
  });
});
