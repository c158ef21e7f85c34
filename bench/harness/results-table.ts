import type { LoadResult } from './run-load';
import type { ServerReady } from './server-messages';

/** One shape's run and the ceiling runs measured right before it. */
export interface PairedResult extends LoadResult {
  /** The bare Express route on `app.listen`: the issue's ceiling, which the targets' ratios are to. */
  ceiling: LoadResult;
  /** The same route on the service's own HTTP server (createHttpServer). */
  serverCeiling: LoadResult;
}

export interface SizeRun {
  size: number;
  fileMb: number;
  ready: ServerReady;
  shapes: PairedResult[];
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function ceilingRow(n: string, label: string, ceilings: readonly LoadResult[]): string {
  const range = (pick: (c: LoadResult) => number): string =>
    `${fixed(Math.min(...ceilings.map(pick)))}-${fixed(Math.max(...ceilings.map(pick)))}`;
  const rps = median(ceilings.map((c) => c.requestsPerSecond));
  return `| ${n} | **${label}** (median of the paired runs; range) | – | ${fixed(rps)} (${range((c) => c.requestsPerSecond)}) | ${median(ceilings.map((c) => c.p50Ms))} | ${median(ceilings.map((c) => c.p99Ms))} (${range((c) => c.p99Ms)}) | | 1.00 | 1.00 | | |`;
}

function loadRows(run: SizeRun): string[] {
  const n = run.size.toLocaleString('en');
  const rows = [
    ceilingRow(
      n,
      'bare Express ceiling',
      run.shapes.map((r) => r.ceiling),
    ),
    ceilingRow(
      n,
      "bare Express route on the service's HTTP server",
      run.shapes.map((r) => r.serverCeiling),
    ),
  ];
  for (const r of run.shapes) {
    const ratio = r.requestsPerSecond / r.ceiling.requestsPerSecond;
    const p99Ratio = r.p99Ms / Math.max(1, r.ceiling.p99Ms);
    const serverRatio = r.requestsPerSecond / r.serverCeiling.requestsPerSecond;
    rows.push(
      `| ${n} | ${r.name} | ${r.limit ?? ''} | ${fixed(r.requestsPerSecond)} | ${r.p50Ms} | ${r.p99Ms} | ${fixed(r.ceiling.requestsPerSecond)} / ${r.ceiling.p99Ms} | ${fixed(ratio, 2)} | ${fixed(p99Ratio, 2)} | ${fixed(r.serverCeiling.requestsPerSecond)} / ${r.serverCeiling.p99Ms} | ${fixed(serverRatio, 2)} |`,
    );
  }
  return rows;
}

function inProcessRows(run: SizeRun): string[] {
  return run.ready.inProcess.map(
    (t) =>
      `| ${run.size.toLocaleString('en')} | ${t.shape} | ${t.limit} | ${t.total.toLocaleString('en')} | ${fixed(t.medianMs, 3)} | ${fixed(t.p99Ms, 3)} | ${fixed(t.cachedMedianMs, 3)} |`,
  );
}

function startupRow(run: SizeRun): string {
  const r = run.ready;
  return `| ${run.size.toLocaleString('en')} | ${run.fileMb} | ${fixed(r.ontologyMs)} | ${fixed(r.catalogLoadMs)} | ${fixed(r.storeBuildMs)} | ${fixed(r.startupMs)} | ${r.rssMb} | ${r.heapUsedMb} |`;
}

/** The markdown report of one harness run: load table, in-process table, start-up table. */
export function resultsTable(runs: readonly SizeRun[], header: string): string {
  return [
    header,
    '',
    '### Under load (autocannon, loopback)',
    '',
    "| N | query shape | page | req/s | p50 ms | p99 ms | paired ceiling req/s / p99 ms | req/s ÷ ceiling | p99 ÷ ceiling p99 | paired route on the service's server req/s / p99 ms | req/s ÷ that route |",
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.flatMap(loadRows),
    '',
    "### In-process (request body -> filters -> query -> store -> rendered JSON text, no HTTP; without and with the embedded store's answer cache)",
    '',
    '| N | query shape | page | matches | median ms | p99 ms | repeat (answer cache) median ms |',
    '|---:|---|---:|---:|---:|---:|---:|',
    ...runs.flatMap(inProcessRows),
    '',
    '### Start-up (the ontologies and the streamed catalog load together, each column timed from the start; then the store: the embedded indexes, or the MongoDB load)',
    '',
    '| N | file MB | ontologies loaded at ms | catalog loaded at ms | store build ms | start-up ms | RSS MB | heap used MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map(startupRow),
    '',
  ].join('\n');
}
