import { readAllResources, withLocationStore } from './catalog-location-store';
import type { CliOutput } from './cli-output';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import type { CliCommand } from './parse-cli-args';
import { renderExport } from './render-export';
import { writeFileAtomically } from './write-file-atomically';

type ExportCommand = Extract<CliCommand, { command: 'export' }>;

/** Writes the whole catalog of a store in one format, to `--out FILE` (atomically) or stdout. */
export async function exportCommand(command: ExportCommand, output: CliOutput): Promise<ExitCode> {
  const resources = await withLocationStore(command.store, readAllResources);
  const chunks = [...renderExport(resources, command.format)];
  if (command.out === undefined) output.result(chunks.join(''));
  else writeFileAtomically(command.out, chunks);
  output.note(
    `exported ${resources.length} record(s) as ${command.format}${command.out === undefined ? '' : ` to ${command.out}`}`,
  );
  return EXIT_CODES.ok;
}
