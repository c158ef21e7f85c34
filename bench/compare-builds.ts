/**
 * Two builds side by side under load: each checkout's `dist/main.js` (what `npm start` runs)
 * is started on the same catalog, and every bench query shape is run against one, then the
 * other, in rounds (three by default) of alternating order, so the machine's drift falls on both alike.
 * Prints a table of requests a second and the ratio of the medians.
 * Run: npx tsx bench/compare-builds.ts --base ../old-checkout [--new .] [--answer-cache-mb 64]
 *      [--catalog bench/data/catalog-100000-seed7.ndjson] [--seconds 3] [--rounds 3] [--limits 10,100] [--shape TEXT]
 * Build both first (`npm run build` in each).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { QUERY_SHAPES } from './harness/query-shapes';

interface Build {
  name: string;
  dir: string;
  port: number;
}

async function ready(port: number): Promise<void> {
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function requestsPerSecond(build: Build, body: unknown, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${build.port}/catalogs`,
    connections: 50,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (result.non2xx > 0 || result.requests.total === 0)
    throw new Error(`${build.name}: ${result.non2xx} non-2xx answers`);
  return Math.round(result.requests.average);
}

function start(build: Build, catalog: string, answerCacheMb: string): ChildProcess {
  return spawn('node', ['--max-semi-space-size=64', path.join(build.dir, 'dist', 'main.js')], {
    cwd: build.dir,
    env: {
      ...process.env,
      PORT: String(build.port),
      HOST: '127.0.0.1',
      CATALOG_FILE: catalog,
      LOG_LEVEL: 'silent',
      ANSWER_CACHE_MB: answerCacheMb,
    },
    stdio: 'inherit',
  });
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      new: { type: 'string', default: '.' },
      'answer-cache-mb': { type: 'string', default: '64' },
      catalog: { type: 'string', default: 'bench/data/catalog-100000-seed7.ndjson' },
      seconds: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '3' },
      /** Only the shapes whose name contains one of these texts, separated by `|`. */
      shape: { type: 'string', default: '' },
      limits: { type: 'string', default: '10,100' },
    },
  });
  if (!values.base) throw new Error('usage: compare-builds --base DIR [--new DIR]');
  const builds: Build[] = [
    { name: 'base', dir: path.resolve(values.base), port: 4101 },
    { name: 'new', dir: path.resolve(values.new), port: 4102 },
  ];
  const seconds = Number(values.seconds);
  const children = builds.map((b) => start(b, path.resolve(values.catalog), values['answer-cache-mb']));
  try {
    await Promise.all(builds.map((b) => ready(b.port)));
    console.log(`ANSWER_CACHE_MB=${values['answer-cache-mb']}, ${seconds} s a run, 50 connections\n`);
    console.log('| shape | page | base req/s | new req/s | new ÷ base (medians) |\n|---|---:|---|---|---:|');
    for (const limit of values.limits.split(',').map(Number)) {
      for (const shape of QUERY_SHAPES.filter((s) => values.shape.split('|').some((part) => s.name.includes(part)))) {
        const body = shape.body(limit);
        for (const b of builds) await requestsPerSecond(b, body, 1);
        const runs = new Map<string, number[]>(builds.map((b) => [b.name, []]));
        for (let round = 0; round < Number(values.rounds); round += 1) {
          for (const b of round % 2 === 0 ? builds : [...builds].reverse())
            runs.get(b.name)?.push(await requestsPerSecond(b, body, seconds));
        }
        const [base, next] = builds.map((b) => runs.get(b.name) ?? []) as [number[], number[]];
        console.log(
          `| ${shape.name} | ${limit} | ${base.join(', ')} | ${next.join(', ')} | ${(median(next) / median(base)).toFixed(2)} |`,
        );
      }
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
