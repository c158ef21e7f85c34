import http, { IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';
import type { Config } from '../config/config';
import { shedAtDoor } from './shed-at-door';
import { createClientErrorAnswer } from './client-error-answer';

/**
 * Node's own deadlines: the headers must arrive within `headersTimeoutMs`, the whole request
 * within that plus the request timeout (the app answers a slow body itself before then);
 * Node checks them every second rather than its default 30 s.
 */
function deadlines(config: Readonly<Config>): http.ServerOptions {
  return {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.headersTimeoutMs + config.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs),
  };
}

/**
 * The HTTP server for `app`, whose requests and responses are built with the app's own
 * prototypes (`app.request`, `app.response`). Express gives each request and response
 * those prototypes with `Object.setPrototypeOf` as it arrives, a no-op on an object that
 * already has them. Changing an object's prototype gives it a map of its own in V8, and
 * the young objects around it then survive collections in bulk: a bare Express route on
 * `app.listen` spends about a fifth of its time in scavenges of tens of milliseconds, and
 * on this server it answers two to three times as many requests. With `config` (as `npm
 * start` runs it), the server also has Node's deadlines, sheds load at its door and gives
 * the answers Node makes itself (431, 408, 400) a Beacon error body.
 */
export function createHttpServer(app: Express, config?: Readonly<Config>): Server {
  // Node's IncomingMessage and ServerResponse are plain constructor functions, so these
  // run them on an object that already has the app's prototype.
  function AppRequest(this: IncomingMessage, socket: Socket): void {
    Reflect.apply(IncomingMessage, this, [socket]);
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: ServerResponse, req: IncomingMessage, options?: object): void {
    Reflect.apply(ServerResponse, this, [req, options]);
  }
  AppResponse.prototype = app.response;
  const prototypes = {
    IncomingMessage: AppRequest as unknown as typeof IncomingMessage,
    ServerResponse: AppResponse as unknown as typeof ServerResponse,
  };
  if (!config) return http.createServer(prototypes, app);
  const server = http.createServer({ ...prototypes, ...deadlines(config) });
  server.on('request', shedAtDoor(server, app, config));
  server.on('clientError', createClientErrorAnswer(config));
  return server;
}
