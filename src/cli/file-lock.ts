import fs from 'node:fs';
import { TargetLockedError } from './cli-errors';
import { currentHolder, describeHolder, isDeadHere, parseHolder, type HeldLock, type LockHolder } from './lock-holder';

/**
 * An unreadable lock younger than this is being written by a load that just created it;
 * older, its writer died between create and write. Also the age at which a takeover guard
 * left by a process killed mid-takeover (a few milliseconds of work) is cleared.
 */
const HALF_WRITTEN_MS = 10_000;

export const lockFileFor = (file: string): string => `${file}.lock`;

/** Creates `file` only if it does not exist (O_EXCL: one creator wins, on NFS v3+ too). */
function tryCreate(file: string, content: string): boolean {
  try {
    fs.writeFileSync(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

interface FoundLock {
  raw: string;
  holder: LockHolder | undefined;
  ageMs: number;
}

/** The lock as it is now, or undefined when it was removed meanwhile. */
function readLock(lock: string): FoundLock | undefined {
  try {
    const raw = fs.readFileSync(lock, 'utf8');
    let holder: LockHolder | undefined;
    try {
      holder = parseHolder(JSON.parse(raw));
    } catch {
      holder = undefined;
    }
    return { raw, holder, ageMs: Date.now() - fs.statSync(lock).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const isStale = (found: FoundLock): boolean =>
  found.holder === undefined ? found.ageMs > HALF_WRITTEN_MS : isDeadHere(found.holder);

/**
 * Replaces a stale lock. Only takeovers delete a lock, and they run one at a time under a
 * guard file, so two loads that both found it stale cannot each delete the other's new one.
 */
function takeOver(lock: string, stale: FoundLock, content: string): boolean {
  const guard = `${lock}.takeover`;
  const guardAge = fs.existsSync(guard) ? Date.now() - fs.statSync(guard).mtimeMs : 0;
  if (guardAge > HALF_WRITTEN_MS) fs.rmSync(guard, { force: true });
  if (!tryCreate(guard, String(process.pid))) return false;
  try {
    if (readLock(lock)?.raw !== stale.raw) return false;
    fs.rmSync(lock, { force: true });
    return tryCreate(lock, content);
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function refusal(file: string, lock: string, found: FoundLock | undefined): TargetLockedError {
  const who = found?.holder === undefined ? 'a load that is starting' : describeHolder(found.holder);
  return new TargetLockedError(
    `${file} is being loaded by another beacon-catalog load (${who}; lock file ${lock}); nothing was written. ` +
      'Run the load again once that one has finished; if no load is running (a crash on another host), remove the lock file.',
  );
}

function held(file: string, lock: string, content: string, replaced?: LockHolder): HeldLock {
  const confirm = (): Promise<void> => {
    const found = readLock(lock);
    return found?.raw === content ? Promise.resolve() : Promise.reject(refusal(file, lock, found));
  };
  const release = (): Promise<void> => {
    // Only our own lock is removed: one taken over by mistake is someone else's now.
    if (readLock(lock)?.raw === content) fs.rmSync(lock, { force: true });
    return Promise.resolve();
  };
  return { where: lock, ...(replaced === undefined ? {} : { replaced }), confirm, release };
}

/**
 * Takes the lock file beside `file` (`FILE.lock`, holding pid, host and time), or throws
 * `TargetLockedError` naming its holder. A lock whose holder ran on this host and is no
 * longer running is stale and taken over.
 */
export function acquireFileLock(file: string, holder: LockHolder = currentHolder()): HeldLock {
  const lock = lockFileFor(file);
  const content = `${JSON.stringify(holder)}\n`;
  let found: FoundLock | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(lock, content)) return held(file, lock, content);
    found = readLock(lock);
    if (found === undefined) continue;
    if (!isStale(found)) break;
    if (takeOver(lock, found, content)) return held(file, lock, content, found.holder);
    found = readLock(lock);
    break;
  }
  throw refusal(file, lock, found);
}
