import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `chunks` to a temporary file beside `file`, flushes it, then renames it over
 * `file`: a reader (or a SIGHUP reload) sees the old file or the new one, never a part,
 * and a crash leaves the old file as it was.
 */
export function writeFileAtomically(file: string, chunks: Iterable<string>): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
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
