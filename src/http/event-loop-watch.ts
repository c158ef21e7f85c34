import { performance } from 'node:perf_hooks';

export interface EventLoopWatch {
  start(): void;
  stop(): void;
  /** How long the event loop has been busy past its last tick: 0 when idle or not started. */
  busyMs(): number;
}

/**
 * A timer that ticks every `tickMs` while started. Between ticks the loop runs callbacks;
 * when one turn serves hundreds of sockets, the time since the last tick says, at each
 * request, how long the requests after it in the same turn have waited so far. One
 * `performance.now()` a request, where a histogram (`monitorEventLoopDelay`) only knows
 * about a turn once it has ended.
 */
export function createEventLoopWatch(tickMs = 20): EventLoopWatch {
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    start() {
      last = performance.now();
      timer ??= setInterval(() => (last = performance.now()), tickMs).unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    busyMs() {
      return timer === undefined ? 0 : Math.max(0, performance.now() - last - tickMs);
    },
  };
}
