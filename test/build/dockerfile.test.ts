import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../support/repository-reads';

const dockerfile = fs.readFileSync(path.join(REPOSITORY_ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+\s/.test(line));
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe('the Dockerfile (it cannot be built here)', () => {
  test('when every COPY from the build context is read, then each source exists in the repository', () => {
    const sources = instructions
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from='))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources)
      expect({ source, exists: fs.existsSync(path.join(REPOSITORY_ROOT, source)) }).toEqual({ source, exists: true });
  });

  test('when the final stage is read, then it installs runtime dependencies only, runs as a non-root user and checks readiness', () => {
    expect(finalStage).toMatch(/npm ci --omit=dev/);
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toMatch(/^HEALTHCHECK [\s\S]*\/health\/ready/m);
    expect(finalStage).toContain('COPY fixtures/ontologies');
  });

  test('when the start command is read, then it runs the emitted main module that src/main.ts compiles to', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(finalStage)?.[1];
    const args = JSON.parse(cmd ?? '[]') as string[];
    expect(args[0]).toBe('node');
    expect(args.at(-1)).toBe('dist/main.js');
    expect(fs.existsSync(path.join(REPOSITORY_ROOT, 'src', 'main.ts'))).toBe(true);
  });
});
