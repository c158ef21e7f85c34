import fs from 'node:fs';
import path from 'node:path';

/** `.catalog.json.1234.tmp` beside `catalog.json`: recognisable, and named after its writer's pid. */
export function temporaryFileFor(file: string, pid: number = process.pid): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}.tmp`);
}

/**
 * Writes `chunks` to a temporary file beside `file`, flushes it, then renames it over
 * `file`: a reader (or a SIGHUP reload) sees the old file or the new one, never a part,
 * and a crash leaves the old file as it was.
 */
export function writeFileAtomically(file: string, chunks: Iterable<string>): void {
  const temporary = temporaryFileFor(file);
  const fd = fs.openSync(temporary, 'w');
  try {
    for (const chunk of chunks) fs.writeSync(fd, chunk);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temporary, file);
}
