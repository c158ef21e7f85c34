import fs from 'node:fs';
import path from 'node:path';
import { SETTINGS } from '../../../src/config/settings';
import { ConfigError, loadConfig } from '../../../src/config/config';

const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

/** The env variable named in the first column of each row of the README's configuration table. */
function documentedVariables(): string[] {
  const start = README.indexOf('## Configuration');
  const section = README.slice(start, README.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1] ?? '');
}

describe('configuration documentation', () => {
  test('when the README configuration table is read, then it names exactly the settings the service reads', () => {
    const read = Object.values(SETTINGS).map((s) => s.env);
    expect([...new Set(documentedVariables())].sort()).toEqual([...new Set(read)].sort());
  });

  test('when a variable is invalid, then the error names the variable an operator sets', () => {
    expect(() => loadConfig({ PORT: 'eighty', MAX_GRANULARITY: 'all' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^invalid configuration: PORT must be integer$/);
  });

  test('when list variables are set, then they are split as documented', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example',
      ONTOLOGY_FILES: 'none',
      AUTH_KEYS: 'k'.repeat(16),
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.ontologyFiles).toEqual([]);
    expect(config.authKeys).toEqual(['k'.repeat(16)]);
  });
});
