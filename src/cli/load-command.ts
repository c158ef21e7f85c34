import fs from 'node:fs';
import { streamCatalogFile } from '../catalog/stream-catalog-file';
import { loadConfig } from '../config/config';
import type { CatalogResource } from '../model/catalog-resource';
import { loadOntologies } from '../ontology';
import { themeClosureOf } from '../ontology/theme-closures';
import type { ThemeClosure } from '../store/catalog-store';
import { readAllResources, withLocationStore } from './catalog-location-store';
import { checkRecords, describeRejected } from './check-records';
import type { CliOutput } from './cli-output';
import type { HeldLock } from './lock-holder';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import type { CliCommand } from './parse-cli-args';
import { createProgress } from './progress-reporter';
import { readInputs } from './read-inputs';
import type { SourceRecord } from './read-records';
import { renderExport } from './render-export';
import { withTargetLock } from './with-target-lock';
import { writeFileAtomically } from './write-file-atomically';

export type LoadCommand = Extract<CliCommand, { command: 'load' }>;

/**
 * Theme closures are stored only in MongoDB (the service computes them for a file at
 * start), so only a MongoDB load reads ontologies: the shipped ones unless `--ontology`
 * names others (`--ontology none`: the themes alone, the store's default).
 */
async function closureFor(command: LoadCommand, output: CliOutput): Promise<ThemeClosure | undefined> {
  if (command.target.kind === 'file') return undefined;
  const files = command.ontologies ?? loadConfig({}, []).ontologyFiles;
  if (files.length === 0 || (files.length === 1 && files[0] === 'none')) return undefined;
  const index = await loadOntologies(files, {
    onLoaded: (v, ms) => output.note(`ontology ${v.prefix} ${v.version}: ${v.terms} terms in ${Math.round(ms)} ms`),
  });
  return themeClosureOf(index);
}

/** Later resources win: `--upsert` merges the loaded ones over what the target holds, by id. */
function mergeById(existing: readonly CatalogResource[], loaded: readonly CatalogResource[]): CatalogResource[] {
  const byId = new Map(existing.map((r) => [r.id, r] as const));
  for (const r of loaded) byId.set(r.id, r);
  return [...byId.values()];
}

/** Under the target's lock: an `--upsert` reads what it merges into and replaces it with no other load in between. */
async function writeTarget(
  command: LoadCommand,
  resources: CatalogResource[],
  themeClosure: ThemeClosure | undefined,
): Promise<number> {
  const { target } = command;
  if (target.kind === 'file') {
    const existing = command.upsert && fs.existsSync(target.file) ? await streamCatalogFile(target.file) : [];
    const merged = mergeById(existing, resources).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    writeFileAtomically(target.file, renderExport(merged, 'json'));
    return merged.length;
  }
  return withLocationStore(target, async (store) => {
    const merged = command.upsert ? mergeById(await readAllResources(store), resources) : resources;
    await store.replaceAll(merged, themeClosure ? { themeClosure } : {});
    return merged.length;
  });
}

/**
 * Holding the target's lock from the start, so a second load fails at once rather than
 * after validating: reads and validates every record of every file; writes only when all
 * pass (or `--skip-invalid`).
 */
export function loadCommand(command: LoadCommand, output: CliOutput): Promise<ExitCode> {
  return withTargetLock(command.target, output, (lock) => lockedLoad(command, output, lock));
}

async function lockedLoad(command: LoadCommand, output: CliOutput, lock: HeldLock): Promise<ExitCode> {
  const readingNotes: string[] = [];
  const records = await readInputs(command.files, (line) => readingNotes.push(line));
  return loadRecords(command, records, readingNotes, output, lock);
}

/**
 * The write path of `load` (and `harvest`), holding the target's lock: validates every
 * record, reports the refused ones and the reading notes, and writes only when all pass
 * (or `--skip-invalid`).
 */
export async function loadRecords(
  command: LoadCommand,
  records: readonly SourceRecord[],
  readingNotes: readonly string[],
  output: CliOutput,
  lock: HeldLock,
): Promise<ExitCode> {
  const themeClosure = await closureFor(command, output);
  const progress = createProgress(output, 'validated', records.length);
  const { resources, rejected } = checkRecords(records, () => progress.tick());
  progress.done();
  for (const r of rejected) output.note(`${command.skipInvalid ? 'skipped' : 'invalid'}: ${describeRejected(r)}`);
  for (const line of readingNotes) output.note(line);
  if (rejected.length > 0 && !command.skipInvalid) {
    output.note(`${rejected.length} invalid record(s) of ${records.length}: nothing was written`);
    return EXIT_CODES.rejected;
  }
  const where =
    command.target.kind === 'file'
      ? command.target.file
      : `MongoDB collection ${command.target.collection ?? 'resources'}`;
  await lock.confirm();
  const total = await writeTarget(command, resources, themeClosure);
  output.note(
    `loaded ${resources.length} record(s)${rejected.length > 0 ? `, skipped ${rejected.length}` : ''}; ${where} now holds ${total}`,
  );
  return EXIT_CODES.ok;
}
