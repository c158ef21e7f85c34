import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../support/repository-reads';

describe("the README's Layout", () => {
  test('when every folder under src/ is looked for, then the Layout table gives it a line', () => {
    const readme = fs.readFileSync(path.join(REPOSITORY_ROOT, 'README.md'), 'utf8');
    const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1));
    const folders = fs
      .readdirSync(path.join(REPOSITORY_ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(15);
    expect(folders.filter((folder) => !layout.includes(`| \`${folder}/\` |`))).toEqual([]);
  });
});
