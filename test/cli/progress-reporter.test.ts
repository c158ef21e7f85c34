import type { CliOutput } from '../../src/cli/cli-output';
import { createProgress, progressLine } from '../../src/cli/progress-reporter';

function recorder(isTerminal: boolean) {
  const seen: { status: string[]; notes: string[] } = { status: [], notes: [] };
  const output: CliOutput = {
    isTerminal,
    result: () => undefined,
    note: (l) => seen.notes.push(l),
    status: (l) => seen.status.push(l),
  };
  return { output, seen };
}

describe('progress', () => {
  test('when half the records are done in 2 s, then the line shows the bar, rate and ETA', () => {
    expect(progressLine('validated', 500, 1000, 2000)).toBe(
      'validated [############------------] 50% 500/1000 250 records/s ETA 2.0s',
    );
  });

  test('when stderr is a terminal, then the bar is redrawn in place and one summary line ends it', () => {
    const { output, seen } = recorder(true);
    let clock = 0;
    const progress = createProgress(output, 'validated', 10, () => clock);

    for (let i = 0; i < 10; i += 1) {
      clock += 50;
      progress.tick();
    }
    progress.done();

    expect(seen.status.length).toBeGreaterThan(0);
    expect(seen.status.at(-1)).toContain('/10 ');
    expect(seen.notes).toEqual(['validated: 10 records in 0.5s (20 records/s)']);
  });

  test('when stderr is not a terminal, then only plain lines are written, no redraws', () => {
    const { output, seen } = recorder(false);
    let clock = 0;
    const progress = createProgress(output, 'validated', 3, () => clock);

    for (let i = 0; i < 3; i += 1) {
      clock += 3000;
      progress.tick();
    }
    progress.done();

    expect(seen.status).toEqual([]);
    expect(seen.notes).toEqual([
      'validated [################--------] 67% 2/3 0 records/s ETA 3.0s',
      'validated: 3 records in 9.0s (0 records/s)',
    ]);
  });
});
