import type { NextFunction, Request, Response } from 'express';
import { BeaconError } from '../errors/beacon-error';

export interface ConcurrencyOptions {
  maxConcurrentRequests: number;
  maxQueuedRequests: number;
  queueTimeoutMs: number;
}

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

function overloaded(res: Response, next: NextFunction, why: string): void {
  res.setHeader('Retry-After', '1');
  next(new BeaconError('OVERLOADED', `the service is busy (${why}); retry in a second`));
}

/**
 * At most `maxConcurrentRequests` requests run at once; up to `maxQueuedRequests` more
 * wait, each at most `queueTimeoutMs`; beyond that the answer is 503 at once, so overload
 * costs callers a quick retry instead of a timeout for everyone.
 */
export function createConcurrencyLimit(options: ConcurrencyOptions) {
  let running = 0;
  const queue: Waiter[] = [];
  const release = (): void => {
    running -= 1;
    const waiter = queue.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.start();
    }
  };
  return (_req: Request, res: Response, next: NextFunction): void => {
    const start = (): void => {
      running += 1;
      res.once('close', release);
      next();
    };
    if (running < options.maxConcurrentRequests) return start();
    if (queue.length >= options.maxQueuedRequests)
      return overloaded(res, next, `${running} requests in flight and the queue is full`);
    const waiter: Waiter = {
      start,
      timer: setTimeout(() => {
        queue.splice(queue.indexOf(waiter), 1);
        overloaded(res, next, `queued longer than ${options.queueTimeoutMs} ms`);
      }, options.queueTimeoutMs),
    };
    queue.push(waiter);
    // A caller that hangs up while queued gives its place back.
    res.once('close', () => {
      const at = queue.indexOf(waiter);
      if (at >= 0) {
        clearTimeout(waiter.timer);
        queue.splice(at, 1);
      }
    });
  };
}
