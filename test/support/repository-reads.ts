import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository: a test reads only what a fresh clone holds (and what it writes to temporary folders). */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

/** Where the repository's own `node_modules` really is: a git worktree may link it to another checkout's. */
function installedModules(): string[] {
  try {
    return [fs.realpathSync(path.join(REPOSITORY_ROOT, 'node_modules'))];
  } catch {
    return [];
  }
}

const ALLOWED_ROOTS = [
  REPOSITORY_ROOT,
  ...installedModules(),
  fs.realpathSync(os.tmpdir()),
  os.tmpdir(),
  '/dev',
  '/proc',
];

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Throws for a path outside the repository and the temporary folders. */
export function checkReadable(target: unknown): void {
  if (typeof target !== 'string' && !(target instanceof URL)) return;
  const file = path.resolve(target instanceof URL ? target.pathname : target);
  if (!ALLOWED_ROOTS.some((root) => isInside(file, root))) {
    throw new Error(
      `a test read ${file}, outside the repository (${REPOSITORY_ROOT}): copy what it needs into fixtures/`,
    );
  }
}

type Reader = (target: unknown, ...rest: unknown[]) => unknown;

/** Wraps each named reader of `owner`; a promise API's refusal comes as a rejection, as its own errors do. */
function guard<T extends object>(owner: T, names: readonly (keyof T)[], promises = false): void {
  for (const name of names) {
    const original = owner[name] as unknown as Reader;
    const guarded: Reader = function (this: unknown, target, ...rest) {
      try {
        checkReadable(target);
      } catch (error) {
        if (promises) return Promise.reject(error);
        throw error;
      }
      return original.call(this, target, ...rest);
    };
    (owner as Record<keyof T, unknown>)[name] = guarded;
  }
}

/** Makes every file read of the test (sync, callback, stream and promise forms) go through `checkReadable`. */
export function guardReadsToRepository(): void {
  guard(fs, ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream', 'readdirSync', 'readdir']);
  guard(fs.promises, ['readFile', 'open', 'readdir'], true);
}
