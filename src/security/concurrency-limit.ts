import type { NextFunction, Request, Response } from 'express';
import { BeaconError } from '../errors/beacon-error';
import { clientKey } from './client-key';
import { onHandedOff } from './on-handed-off';
import { armWriteDeadline } from './arm-write-deadline';

export interface ConcurrencyOptions {
  maxConcurrentRequests: number;
  maxQueuedRequests: number;
  queueTimeoutMs: number;
  /** Slots and queue places one client may hold at once. */
  maxConcurrentPerClient: number;
  /** Clients not held to the per-client share (the rate limit's exempt addresses). */
  rateLimitExempt: readonly string[];
  writeTimeoutMs: number;
}

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

function overloaded(res: Response, next: NextFunction, why: string): void {
  res.setHeader('Retry-After', '1');
  next(new BeaconError('OVERLOADED', `the service is busy (${why}); retry in a second`));
}

/** How many slots and queue places each client holds; a client's entry goes when it holds none. */
function createShares(limit: number) {
  const held = new Map<string, number>();
  return {
    take(key: string): boolean {
      const count = held.get(key) ?? 0;
      if (count >= limit) return false;
      held.set(key, count + 1);
      return true;
    },
    give(key: string): void {
      const count = (held.get(key) ?? 1) - 1;
      if (count <= 0) held.delete(key);
      else held.set(key, count);
    },
  };
}

/**
 * At most `maxConcurrentRequests` requests run at once; up to `maxQueuedRequests` more
 * wait, each at most `queueTimeoutMs`; beyond that the answer is 503 at once, so overload
 * costs callers a quick retry instead of a timeout for everyone. One client holds at most
 * `maxConcurrentPerClient` of those. A slot is given back when the answer has been handed
 * to the socket, not when the client has read it; a socket that then takes no bytes for
 * `writeTimeoutMs` is closed. The body is read before this, so a slow sender holds no slot.
 */
export function createConcurrencyLimit(options: ConcurrencyOptions) {
  let running = 0;
  const queue: Waiter[] = [];
  const shares = createShares(options.maxConcurrentPerClient);
  const exempt = new Set(options.rateLimitExempt);
  const release = (): void => {
    running -= 1;
    const waiter = queue.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.start();
    }
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const address = req.ip;
    const key = address === undefined || !exempt.has(address) ? clientKey(address) : undefined;
    if (key !== undefined && !shares.take(key))
      return overloaded(res, next, `this client already has ${options.maxConcurrentPerClient} requests in flight`);
    let given = false;
    const giveShare = (): void => {
      if (key === undefined || given) return;
      given = true;
      shares.give(key);
    };
    const start = (): void => {
      running += 1;
      onHandedOff(res, () => {
        armWriteDeadline(res, options.writeTimeoutMs);
        giveShare();
        release();
      });
      next();
    };
    if (running < options.maxConcurrentRequests) return start();
    if (queue.length >= options.maxQueuedRequests) {
      giveShare();
      return overloaded(res, next, `${running} requests in flight and the queue is full`);
    }
    const waiter: Waiter = {
      start,
      timer: setTimeout(() => {
        queue.splice(queue.indexOf(waiter), 1);
        giveShare();
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
        giveShare();
      }
    });
  };
}
