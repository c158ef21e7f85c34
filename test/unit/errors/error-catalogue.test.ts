import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '../../../src/errors/beacon-error';

const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

/** The rows `| 503 | \`CODE\` | … |` of the README's error table. */
function documentedCodes(): [string, number][] {
  const section = README.slice(README.indexOf('## Errors'), README.indexOf('\n## ', README.indexOf('## Errors') + 1));
  return [...section.matchAll(/^\| (\d{3}) \| `([A-Z_]+)` \|/gm)].map((m) => [m[2] ?? '', Number(m[1])]);
}

describe('the error catalogue', () => {
  test('when the README error table is read, then it lists exactly the codes and statuses of src/errors', () => {
    const inCode = Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status]);
    expect(documentedCodes().sort()).toEqual(inCode.sort());
  });
});
