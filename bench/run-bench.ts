/**
 * npm run bench [-- --sizes 10000,100000 --duration 5 --connections 50 --limits 10,100 --seed 7 --heap-mb 6144 --answer-cache-mb 0]
 * For 1M: npm run bench -- --sizes 1000000 --heap-mb 6144
 * With MONGODB_URI set, the service runs on MongoDB instead of the embedded store.
 * Generates (once) seeded catalogs, starts the service per size in a child process, and
 * drives it with autocannon from this process: a second of each shape to warm up, then every
 * query shape per page size, each right after runs of the bare Express ceiling (on `app.listen`, then on the service's HTTP server). Prints the markdown table and writes it to bench/results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCatalog } from './generate/write-catalog';
import { QUERY_SHAPES } from './harness/query-shapes';
import { resultsTable, type PairedResult, type SizeRun } from './harness/results-table';
import { runLoad } from './harness/run-load';
import { startServer } from './harness/start-server';

const numbers = (text: string): number[] => text.split(',').map((v) => Number(v.replace(/_/g, '')));

function readOptions() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      limits: { type: 'string', default: '10,100' },
      seed: { type: 'string', default: '7' },
      'heap-mb': { type: 'string' },
      'answer-cache-mb': { type: 'string' },
      'startup-timeout': { type: 'string', default: '300' },
    },
  });
  return {
    sizes: numbers(values.sizes),
    durationSeconds: Number(values.duration),
    connections: Number(values.connections),
    limits: numbers(values.limits),
    seed: Number(values.seed),
    heapMb: values['heap-mb'] ? Number(values['heap-mb']) : undefined,
    answerCacheMb: values['answer-cache-mb'],
    startupTimeoutMs: Number(values['startup-timeout']) * 1000,
  };
}

type Options = ReturnType<typeof readOptions>;

async function benchSize(size: number, options: Options): Promise<SizeRun> {
  const file = await ensureCatalog(size, options.seed);
  const fileMb = Math.round(fs.statSync(file).size / 1024 / 1024);
  console.log(`N=${size}: starting the service on ${path.basename(file)} (${fileMb} MB)`);
  const server = await startServer(file, {
    timeoutMs: options.startupTimeoutMs,
    heapMb: options.heapMb,
    answerCacheMb: options.answerCacheMb,
  });
  try {
    const { appPort, ceilingPort, serverCeilingPort, startupMs, rssMb } = server.ready;
    console.log(`  listening after ${(startupMs / 1000).toFixed(1)} s, RSS ${rssMb} MB`);
    const load = { connections: options.connections, durationSeconds: options.durationSeconds };
    // Unreported warm-up: every shape's code paths compiled, and the heap past its first settling
    // after start-up (a full collection of the catalog's heap would otherwise land on the first shape).
    for (const shape of QUERY_SHAPES)
      await runLoad(`warm-up ${shape.name}`, {
        ...load,
        durationSeconds: 1,
        url: `http://127.0.0.1:${appPort}/catalogs`,
        body: shape.body(10),
      });
    const shapes: PairedResult[] = [];
    for (const limit of options.limits) {
      for (const shape of QUERY_SHAPES) {
        // The ceilings right before each shape: these shared machines drift too much for one ceiling per run.
        const ceiling = await runLoad('ceiling', { ...load, url: `http://127.0.0.1:${ceilingPort}/ceiling` });
        const serverCeiling = await runLoad("ceiling on the service's server", {
          ...load,
          url: `http://127.0.0.1:${serverCeilingPort}/ceiling`,
        });
        const result = await runLoad(shape.name, {
          ...load,
          url: `http://127.0.0.1:${appPort}/catalogs`,
          body: shape.body(limit),
        });
        shapes.push({ ...result, limit, ceiling, serverCeiling });
        console.log(
          `  ${shape.name} (page ${limit}): ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; ceiling ${ceiling.requestsPerSecond.toFixed(0)} req/s, p99 ${ceiling.p99Ms} ms; on the service's server ${serverCeiling.requestsPerSecond.toFixed(0)} req/s`,
        );
      }
    }
    return { size, fileMb, ready: server.ready, shapes };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  const runs: SizeRun[] = [];
  for (const size of options.sizes) runs.push(await benchSize(size, options));
  const when = new Date().toISOString();
  const header = [
    `## beacon-catalog benchmark, ${when}`,
    '',
    `\`npm run bench -- --sizes ${options.sizes.join(',')} --duration ${options.durationSeconds} --connections ${options.connections} --limits ${options.limits.join(',')} --seed ${options.seed}${options.heapMb ? ` --heap-mb ${options.heapMb}` : ''}${options.answerCacheMb ? ` --answer-cache-mb ${options.answerCacheMb}` : ''}\``,
    '',
    `Store: ${process.env.MONGODB_URI ? 'MongoDB at MONGODB_URI (filled from the catalog file when its count differs)' : 'embedded'}. ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; autocannon in the harness process, the service in a child; each shape's ratios are to the ceilings measured in the same server process right before it: the bare Express route on \`app.listen\` (the issue's ceiling), then the same route on the service's own HTTP server.`,
  ].join('\n');
  const table = resultsTable(runs, header);
  const out = path.join(__dirname, 'results', `bench-${when.slice(0, 19).replace(/[:T]/g, '-')}.md`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, table);
  console.log(`\n${table}\nwritten to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
