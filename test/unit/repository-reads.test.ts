import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../support/repository-reads';

describe('tests read only the repository', () => {
  const outside = path.join(REPOSITORY_ROOT, '..', 'shared', 'specs', 'NOTES.md');

  test('when a test reads a file beside the repository, in any of the ways fs offers, then it fails saying so', async () => {
    expect(() => fs.readFileSync(outside)).toThrow(/outside the repository/);
    expect(() => fs.readdirSync(path.dirname(outside))).toThrow(/outside the repository/);
    expect(() => fs.createReadStream(outside)).toThrow(/outside the repository/);
    await expect(fs.promises.readFile(outside)).rejects.toThrow(/outside the repository/);
  });

  test('when a test reads a file of the repository, then it is read', () => {
    expect(fs.readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')).toContain('"name": "beacon-catalog"');
  });
});
