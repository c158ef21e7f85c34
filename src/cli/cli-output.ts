/** The streams the CLI writes to: the process's own, or a test's. */
export interface CliStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/**
 * The CLI's one way out: results (exported catalogs, verify reports) on stdout,
 * diagnostics and progress on stderr. Nothing else in `src/cli/` writes to a stream.
 */
export interface CliOutput {
  /** Result text, written as given. */
  result(text: string): void;
  /** One diagnostic line. */
  note(line: string): void;
  /** Overwrites the current terminal line (progress bars); only used when `isTerminal`. */
  status(line: string): void;
  readonly isTerminal: boolean;
}

export function createCliOutput(streams: CliStreams): CliOutput {
  const isTerminal = streams.stderr.isTTY === true;
  let statusShown = false;
  const clearStatus = (): void => {
    if (statusShown) streams.stderr.write('\r\x1b[2K');
    statusShown = false;
  };
  return {
    isTerminal,
    result: (text) => void streams.stdout.write(text),
    note: (line) => {
      clearStatus();
      streams.stderr.write(`${line}\n`);
    },
    status: (line) => {
      streams.stderr.write(`\r\x1b[2K${line}`);
      statusShown = true;
    },
  };
}
