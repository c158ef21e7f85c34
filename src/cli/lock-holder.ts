import os from 'node:os';

/** Who holds a target's load lock: what the lock file or document says, and a refusal names. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO 8601: when that load took the lock. */
  since: string;
}

/** A lock this process holds; `replaced` names the dead load whose stale lock it took over. */
export interface HeldLock {
  readonly where: string;
  readonly replaced?: LockHolder;
  /** Throws `TargetLockedError` unless the lock is still this process's: checked just before writing. */
  confirm(): Promise<void>;
  release(): Promise<void>;
}

export function currentHolder(now: Date = new Date()): LockHolder {
  return { pid: process.pid, host: os.hostname(), since: now.toISOString() };
}

/** `kill(pid, 0)` probes without signalling; EPERM means it runs under another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The holder is known dead only when it ran on this host and its pid is gone; a holder on
 * another host cannot be checked from here, so it is never taken to be dead.
 */
export function isDeadHere(holder: LockHolder): boolean {
  return holder.host === os.hostname() && holder.pid !== process.pid && !isProcessAlive(holder.pid);
}

/** A lock's content as a holder, or undefined when it is not one (half written, foreign). */
export function parseHolder(value: unknown): LockHolder | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { pid, host, since } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(pid) || (pid as number) <= 0 || typeof host !== 'string' || typeof since !== 'string')
    return undefined;
  return { pid: pid as number, host, since };
}

/** `pid 1234 on host db-loader-1 since 2026-11-30T10:00:00.000Z` */
export function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on host ${holder.host} since ${holder.since}`;
}
