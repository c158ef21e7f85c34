import type { ServerResponse } from 'node:http';

/**
 * Calls `done` once, when the response has been handed to its socket (`end` wrote it out or
 * into the socket's buffer: Node's `prefinish`) or when the response closes first. A client
 * that does not read its answer keeps its socket busy, not the work that was done for it.
 */
export function onHandedOff(res: ServerResponse, done: () => void): void {
  let called = false;
  const once = (): void => {
    if (called) return;
    called = true;
    done();
  };
  res.once('prefinish', once);
  res.once('close', once);
}
