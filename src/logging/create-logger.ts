import pino, { type Logger } from 'pino';

/** JSON lines on stdout; secrets never reach a log line. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'beacon-catalog' },
    redact: { paths: ['req.headers.authorization', 'req.headers["auth-key"]', 'req.headers.cookie'], remove: true },
  });
}
