import net from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on 127.0.0.1 on a free port; resolves with the port. */
export async function listenLocally(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Closes the server and every connection still open on it. */
export function closeFully(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}

/** Rejects when `promise` has not settled within `ms`: the bounded wait is the behaviour tested. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_resolve, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection after the answer. */
  closed: boolean;
}

/** Status line, headers and body of the first HTTP/1.1 answer in `text`, if it is whole. */
export function parseAnswer(text: string, closed: boolean): RawAnswer | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  const body = text.slice(end + 4);
  const length = Number(headers['content-length'] ?? Number.NaN);
  if (!closed && !(body.length >= length)) return undefined;
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: Number.isNaN(length) ? body : body.slice(0, length),
    closed,
  };
}

/**
 * Opens a connection, writes `bytes` and resolves with the first whole answer; rejects
 * when none has come within `deadlineMs` (the bounded wait is what such tests check).
 */
export function exchange(port: number, bytes: string, deadlineMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    let answered: RawAnswer | undefined;
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
    const finish = (error?: Error, answer?: RawAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (answer) resolve(answer);
      else reject(error ?? new Error('the connection closed without a whole answer'));
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (answered) return;
      answered = parseAnswer(text, false);
      // Wait a moment for the close that may follow, so `closed` can be reported.
      if (answered) socket.setTimeout(200, () => finish(undefined, answered));
    });
    socket.on('close', () => finish(undefined, answered ? { ...answered, closed: true } : parseAnswer(text, true)));
    socket.on('error', () => undefined);
  });
}

/** A request's bytes: `POST /catalogs` with a JSON body unless told otherwise. */
export function requestBytes(
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {},
): string {
  const { method = 'POST', path = '/catalogs', body = '{}' } = options;
  const withBody = method !== 'GET';
  const bodyHeaders = withBody
    ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) }
    : {};
  const headers = { Host: 'localhost', ...bodyHeaders, ...options.headers };
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${withBody ? body : ''}`;
}

/**
 * One keep-alive connection that, once started, sends `bytes` again as soon as each answer
 * is whole, reporting each status, until `stop` (or until the server closes it).
 */
export function keepAsking(
  port: number,
  bytes: string,
  onStatus: (status: number) => void,
): { start: () => void; stop: () => void } {
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  let stopped = false;
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    text += chunk;
    for (let answer = parseAnswer(text, false); answer; answer = parseAnswer(text, false)) {
      text = text.slice(text.indexOf('\r\n\r\n') + 4 + answer.body.length);
      onStatus(answer.status);
      if (!stopped) socket.write(bytes);
    }
  });
  socket.on('error', () => undefined);
  return {
    start: () => void socket.write(bytes),
    stop: () => {
      stopped = true;
      socket.destroy();
    },
  };
}
