import type { ServerResponse } from 'node:http';

/**
 * Gives a response that is still in its socket's buffer `timeoutMs` without progress before
 * the socket is closed. Node destroys a socket that times out when nothing listens for the
 * timeout; after the response is flushed, Node's keep-alive timeout replaces this one.
 */
export function armWriteDeadline(res: ServerResponse, timeoutMs: number): void {
  const socket = res.socket;
  if (socket && socket.writableLength > 0) socket.setTimeout(timeoutMs);
}
