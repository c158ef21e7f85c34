import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './lock-holder';
import { temporaryFileFor } from './write-file-atomically';

/** The writer's pid in the name of one of `file`'s temporary files (`.catalog.json.1234.tmp`), else undefined. */
function writerPid(file: string, name: string): number | undefined {
  const prefix = `.${path.basename(file)}.`;
  if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return undefined;
  const pid = name.slice(prefix.length, -'.tmp'.length);
  if (!/^[1-9]\d*$/.test(pid)) return undefined;
  return temporaryFileFor(file, Number(pid)) === path.join(path.dirname(file), name) ? Number(pid) : undefined;
}

/**
 * Removes the temporary files that writes of `file` by processes no longer running left
 * beside it (a killed load's may be hundreds of MB); run under the target's lock, so no
 * other load is writing one. A live process's file (an `export --out` to the same path)
 * is left alone. Returns the names removed.
 */
export function removeStaleTempFiles(file: string): string[] {
  const dir = path.dirname(file);
  const stale = fs.readdirSync(dir).filter((name) => {
    const pid = writerPid(file, name);
    return pid !== undefined && pid !== process.pid && !isProcessAlive(pid);
  });
  for (const name of stale) fs.rmSync(path.join(dir, name), { force: true });
  return stale;
}
