import { CatalogValidationError } from '../catalog/load-catalog';
import { CatalogFileError } from '../catalog/read-catalog-file';
import { ManifestError } from '../catalog/read-manifest';
import { CatalogStreamError } from '../catalog/stream-json-items';
import { SourceUnreachableError } from '../harvest/crawl-fdp';
import { OntologyLoadError } from '../ontology';
import { StoreError } from '../store/store-errors';
import { InputError, LossyExportError, TargetLockedError, UsageError } from './cli-errors';
import { createCliOutput, type CliOutput, type CliStreams } from './cli-output';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { exportCommand } from './export-command';
import { harvestCommand } from './harvest-command';
import { loadCommand } from './load-command';
import { parseCliArgs, USAGE, type CliCommand } from './parse-cli-args';
import { verifyCommand } from './verify-command';

/** Input refused as a whole: the message names the file (and line) already. */
const REJECTED_INPUT = [
  InputError,
  ManifestError,
  CatalogFileError,
  CatalogStreamError,
  CatalogValidationError,
  LossyExportError,
] as const;

function exitCodeFor(error: unknown, output: CliOutput): ExitCode {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    output.note(`beacon-catalog: ${message}\n\n${USAGE}`);
    return EXIT_CODES.usage;
  }
  if (error instanceof TargetLockedError) {
    output.note(`beacon-catalog: ${message}`);
    return EXIT_CODES.locked;
  }
  if (error instanceof SourceUnreachableError) {
    output.note(`beacon-catalog: source unreachable: ${message}\nnothing was written`);
    return EXIT_CODES.unreachable;
  }
  if (REJECTED_INPUT.some((type) => error instanceof type)) {
    output.note(`beacon-catalog: ${message}\nnothing was written`);
    return EXIT_CODES.rejected;
  }
  const what = error instanceof StoreError ? 'store' : error instanceof OntologyLoadError ? 'ontology' : 'failed';
  output.note(
    `beacon-catalog: ${what}: ${message}${error instanceof StoreError || error instanceof OntologyLoadError ? '' : `\n${(error as Error)?.stack ?? ''}`}`,
  );
  return EXIT_CODES.failure;
}

function dispatch(command: CliCommand, output: CliOutput): Promise<ExitCode> {
  if (command.command === 'load') return loadCommand(command, output);
  if (command.command === 'harvest') return harvestCommand(command, output);
  if (command.command === 'verify') return verifyCommand(command, output);
  if (command.command === 'export') return exportCommand(command, output);
  output.result(USAGE);
  return Promise.resolve(EXIT_CODES.ok);
}

/** The whole CLI as a function of its arguments and streams; resolves to the exit code. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<ExitCode> {
  const output = createCliOutput(streams);
  try {
    return await dispatch(parseCliArgs(argv), output);
  } catch (error) {
    return exitCodeFor(error, output);
  }
}
