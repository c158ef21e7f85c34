import { readAllResources, withLocationStore } from './catalog-location-store';
import { checkRecords, describeRejected } from './check-records';
import type { CliOutput } from './cli-output';
import { compareCatalogs, isSame } from './compare-catalogs';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import type { CliCommand } from './parse-cli-args';
import { readInputs } from './read-inputs';

type VerifyCommand = Extract<CliCommand, { command: 'verify' }>;

/**
 * Compares the records of the input files (read as `load` reads them) with what the store holds. Prints one line per difference on stdout
 * (`missing ID`, `extra ID`, `differs ID: field, field`) and a summary on stderr; exit 1
 * on any difference, and when the manifest itself has invalid records.
 */
export async function verifyCommand(command: VerifyCommand, output: CliOutput): Promise<ExitCode> {
  const readingNotes: string[] = [];
  const { resources, rejected } = checkRecords(await readInputs(command.files, (line) => readingNotes.push(line)));
  const named = command.files.join(', ');
  for (const r of rejected) output.note(`invalid: ${describeRejected(r)}`);
  for (const line of readingNotes) output.note(line);
  if (rejected.length > 0) {
    output.note(`${rejected.length} invalid record(s) in ${named}: not compared`);
    return EXIT_CODES.rejected;
  }
  const stored = await withLocationStore(command.store, readAllResources);
  const difference = compareCatalogs(resources, stored);
  const lines = [
    ...difference.missing.map((id) => `missing ${id}`),
    ...difference.extra.map((id) => `extra ${id}`),
    ...difference.differing.map(({ id, fields }) => `differs ${id}: ${fields.join(', ')}`),
  ];
  if (lines.length > 0) output.result(`${lines.join('\n')}\n`);
  const { missing, extra, differing } = difference;
  output.note(
    `${resources.length} in ${named}, ${stored.length} in the store: ${missing.length} missing, ${extra.length} extra, ${differing.length} differing`,
  );
  return isSame(difference) ? EXIT_CODES.ok : EXIT_CODES.rejected;
}
