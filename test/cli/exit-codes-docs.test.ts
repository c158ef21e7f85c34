import fs from 'node:fs';
import path from 'node:path';
import { EXIT_CODES } from '../../src/cli/exit-codes';
import { USAGE } from '../../src/cli/parse-cli-args';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The README's "Exit codes" bullet of the CLI section, up to the next bullet. */
function readmeExitCodes(): string {
  const start = README.indexOf('- **Exit codes**:', README.indexOf('## Load a catalog'));
  return README.slice(start, README.indexOf('\n- ', start + 1));
}

describe('the CLI exit codes and their documentation', () => {
  test.each(Object.entries(EXIT_CODES))(
    'when the code for %s (%i) is looked for, then the README and the usage text both explain it',
    (_name, code) => {
      expect(readmeExitCodes()).toMatch(new RegExp(`(: |; )${code} `));
      expect(USAGE).toMatch(new RegExp(`(: |, |\\s)${code} [a-z]`));
    },
  );
});
