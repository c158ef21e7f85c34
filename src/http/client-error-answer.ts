import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import type { Config } from '../config/config';
import { ERROR_CODES, type ErrorCode } from '../errors/beacon-error';
import { beaconErrorText } from './beacon-error-text';

/** A whole HTTP/1.1 answer as bytes: Node's parser has given up, so there is no response object. */
function rawAnswer(config: Readonly<Config>, code: ErrorCode, message: string): string {
  const { status } = ERROR_CODES[code];
  const body = beaconErrorText(config, code, message);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * The server's `clientError` listener: what Node answers itself (431 for headers over its
 * 16 KB limit, 408 when the headers or the request do not arrive in time, 400 for anything
 * else it cannot parse) goes out with a `beaconErrorResponse` body instead of an empty one.
 * A socket that is gone, or whose answer has begun, is only closed. The answered socket is
 * ended, not destroyed: closing it with the rest of the request unread would reset it and
 * lose the answer; a client that then keeps it open is cut after `writeTimeoutMs`.
 */
export function createClientErrorAnswer(
  config: Readonly<Config>,
): (error: Error & { code?: string }, socket: Duplex) => void {
  const answers = new Map<string | undefined, string>([
    [
      'HPE_HEADER_OVERFLOW',
      rawAnswer(
        config,
        'HEADERS_TOO_LARGE',
        'the request line and headers are larger than 16 KB; send shorter headers, or the query as a POST body',
      ),
    ],
    [
      'ERR_HTTP_REQUEST_TIMEOUT',
      rawAnswer(
        config,
        'RECEIVE_TIMEOUT',
        `the request did not arrive within ${config.headersTimeoutMs} ms (headers) or ${config.headersTimeoutMs + config.requestTimeoutMs} ms (whole); send it whole and at once`,
      ),
    ],
  ]);
  const malformed = rawAnswer(config, 'INVALID_REQUEST', 'the request is not well-formed HTTP/1.1');
  return (error, socket) => {
    const answering = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage?.headersSent === true;
    if (error.code === 'ECONNRESET' || !socket.writable || answering) {
      socket.destroy();
      return;
    }
    socket.end(answers.get(error.code) ?? malformed);
    (socket as Socket).setTimeout?.(config.writeTimeoutMs, () => socket.destroy());
  };
}
