import type { CliOutput } from './cli-output';
import { dropStaleStaging } from './drop-stale-staging';
import { acquireFileLock } from './file-lock';
import { describeHolder, type HeldLock } from './lock-holder';
import { acquireMongoLock } from './mongo-lock';
import type { CatalogLocation } from './parse-cli-args';
import { removeStaleTempFiles } from './remove-stale-temp-files';

/** What killed loads left: safe to remove only once the lock says no other load is running. */
async function removeLeftovers(target: CatalogLocation, output: CliOutput): Promise<void> {
  if (target.kind === 'file') {
    const removed = removeStaleTempFiles(target.file);
    if (removed.length > 0)
      output.note(`removed ${removed.length} temporary file(s) left by an interrupted load: ${removed.join(', ')}`);
    return;
  }
  const stale = await dropStaleStaging(target);
  if (stale.length > 0)
    output.note(`dropped ${stale.length} staging collection(s) left by an interrupted load: ${stale.join(', ')}`);
}

/**
 * Runs `load` holding the target's lock (a lock file beside `--out`, a lock document for
 * MongoDB), after removing what interrupted loads left; a second load meanwhile fails at
 * once with `TargetLockedError`. The lock is released however `load` ends; a release that
 * fails is reported, not thrown (a lease expires, a dead pid's lock is taken over).
 */
export async function withTargetLock<T>(
  target: CatalogLocation,
  output: CliOutput,
  load: (lock: HeldLock) => Promise<T>,
): Promise<T> {
  const lock = target.kind === 'file' ? acquireFileLock(target.file) : await acquireMongoLock(target);
  if (lock.replaced !== undefined)
    output.note(`took over the lock ${lock.where} of a load no longer running (${describeHolder(lock.replaced)})`);
  const release = (): Promise<void> =>
    lock
      .release()
      .catch((error: unknown) => output.note(`could not remove the lock ${lock.where}: ${(error as Error).message}`));
  try {
    await removeLeftovers(target, output);
    return await load(lock);
  } finally {
    await release();
  }
}
