import type { CliOutput } from './cli-output';

export interface Progress {
  tick(count?: number): void;
  done(): void;
}

const BAR_WIDTH = 24;
const TERMINAL_EVERY_MS = 100;
const PLAIN_EVERY_MS = 5000;

function seconds(ms: number): string {
  return ms >= 60_000
    ? `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`
    : `${(ms / 1000).toFixed(1)}s`;
}

/** `label [#####-----] 45% 45000/100000 12345 records/s ETA 4.5s` */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? ((total - done) * 1000) / rate : 0;
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  return `${label} ${bar} ${Math.round(share * 100)}% ${done}/${total} ${Math.round(rate)} records/s ETA ${seconds(eta)}`;
}

/**
 * A bar redrawn at most every 100 ms on a terminal; otherwise a plain line at most every
 * 5 s while it runs, and one line when done (records, time, rate) either way.
 */
export function createProgress(
  output: CliOutput,
  label: string,
  total: number,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  let done = 0;
  let shownAt = started;
  const every = output.isTerminal ? TERMINAL_EVERY_MS : PLAIN_EVERY_MS;
  return {
    tick(count = 1) {
      done += count;
      const at = now();
      if (at - shownAt < every) return;
      shownAt = at;
      const line = progressLine(label, done, total, at - started);
      if (output.isTerminal) output.status(line);
      else output.note(line);
    },
    done() {
      const elapsed = now() - started;
      const rate = elapsed > 0 ? Math.round((done * 1000) / elapsed) : done;
      output.note(`${label}: ${done} records in ${seconds(elapsed)} (${rate} records/s)`);
    },
  };
}
