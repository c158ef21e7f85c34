import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXIT_CODES } from '../../src/cli/exit-codes';
import {
  cli,
  deadPid,
  fifo,
  FIXTURE_ITEMS,
  ndjson,
  removeTempDirs,
  tempDir,
  writeJson,
  writeText,
} from './cli-harness';

/** Loads this file started; one left waiting on its pipe by a failed test is killed after it. */
const started = new Set<ChildProcess>();

afterEach(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
  removeTempDirs();
});

const BIN = path.join(__dirname, '..', '..', 'bin', 'beacon-catalog.js');

interface Child {
  pid: number;
  exited: Promise<{ code: number | null; stderr: string }>;
}

/** `beacon-catalog ARGS` as its own process, as an operator runs it. */
function start(...args: string[]): Child {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  started.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
  return { pid: child.pid ?? 0, exited };
}

const idsIn = (file: string): string[] =>
  (JSON.parse(fs.readFileSync(file, 'utf8')) as { '@id': string }[]).map((i) => i['@id']).sort();
const idsOf = (items: readonly Record<string, unknown>[]): string[] => items.map((i) => String(i['@id'])).sort();
const holderFile = (pid: number, host = os.hostname()): string =>
  JSON.stringify({ pid, host, since: '2026-01-01T00:00:00.000Z' });

describe('beacon-catalog load --out: the lock on the target', () => {
  test.each([
    ['replace', [] as string[]],
    ['--upsert', ['--upsert']],
  ])(
    'when two loads (%s) run at once against one --out file, then one succeeds, the other exits 4 naming it, and the file holds only the first',
    async (_mode, flags) => {
      const dir = tempDir();
      const out = path.join(dir, 'catalog.json');
      const items = FIXTURE_ITEMS();
      const base = items.slice(0, 4);
      await cli('load', writeJson(dir, 'base.json', base), '--out', out);
      const inputs = { a: items.slice(4, 9), b: items.slice(9, 16) };
      const pipes = { a: fifo(dir, 'a.ndjson'), b: fifo(dir, 'b.ndjson') };

      // Each load waits on its pipe once it holds the lock: the other must find the lock taken.
      const loads = {
        a: start('load', pipes.a, '--out', out, ...flags),
        b: start('load', pipes.b, '--out', out, ...flags),
      };
      const first = await Promise.race(
        (['a', 'b'] as const).map(async (name) => ({ name, ...(await loads[name].exited) })),
      );
      const winner = first.name === 'a' ? 'b' : 'a';
      await fs.promises.writeFile(pipes[winner], ndjson(inputs[winner]));
      const won = await loads[winner].exited;

      expect(first.code).toBe(EXIT_CODES.locked);
      expect(first.stderr).toContain(
        `${out} is being loaded by another beacon-catalog load (pid ${loads[winner].pid} on host ${os.hostname()}`,
      );
      expect(first.stderr).toContain('nothing was written');
      expect(won.code).toBe(0);
      expect(idsIn(out)).toEqual(idsOf(flags.length > 0 ? [...base, ...inputs[winner]] : inputs[winner]));
      expect(fs.existsSync(`${out}.lock`)).toBe(false);
    },
    60_000,
  );

  test('when a killed load left its lock and temporary file, then the next load takes the lock over and removes the file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'catalog.json');
    const dead = deadPid();
    writeText(dir, 'catalog.json.lock', holderFile(dead));
    const staleTemp = writeText(dir, `.catalog.json.${dead}.tmp`, '[{"half": ');
    // A live process's temporary file (an export to the same path) is not the load's to remove.
    const liveTemp = writeText(dir, `.catalog.json.${process.ppid}.tmp`, '[');
    const input = writeJson(dir, 'in.json', FIXTURE_ITEMS());

    const run = await cli('load', input, '--out', out);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `took over the lock ${out}.lock of a load no longer running (pid ${dead} on host ${os.hostname()}`,
    );
    expect(run.stderr).toContain(`removed 1 temporary file(s) left by an interrupted load: .catalog.json.${dead}.tmp`);
    expect(fs.existsSync(staleTemp)).toBe(false);
    expect(fs.existsSync(liveTemp)).toBe(true);
    expect(fs.existsSync(`${out}.lock`)).toBe(false);
    expect(idsIn(out)).toEqual(idsOf(FIXTURE_ITEMS()));
  });

  test.each([
    ['a live process on this host', () => holderFile(process.ppid), `(pid ${process.ppid} on host ${os.hostname()}`],
    ['a process on another host', () => holderFile(deadPid(), 'loader-elsewhere'), 'on host loader-elsewhere'],
    ['a load that has just created it (empty)', () => '', '(a load that is starting;'],
  ])(
    'when the lock is held by %s, then the load exits 4 naming the holder and leaves target and lock alone',
    async (_who, content, named) => {
      const dir = tempDir();
      const out = writeText(dir, 'catalog.json', '[]');
      const text = content();
      const lock = writeText(dir, 'catalog.json.lock', text);

      const run = await cli('load', writeJson(dir, 'in.json', FIXTURE_ITEMS()), '--out', out);

      expect(run.code).toBe(EXIT_CODES.locked);
      expect(run.stderr).toContain(named);
      expect(run.stderr).toContain(`lock file ${lock}`);
      expect(fs.readFileSync(out, 'utf8')).toBe('[]');
      expect(fs.readFileSync(lock, 'utf8')).toBe(text);
    },
  );

  test('when an unreadable lock is older than a load takes to write one, then it is taken as left by a crash', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'catalog.json');
    const lock = writeText(dir, 'catalog.json.lock', '');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, aMinuteAgo, aMinuteAgo);

    const run = await cli('load', writeJson(dir, 'in.json', FIXTURE_ITEMS()), '--out', out);

    expect(run.code).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
  });
});
