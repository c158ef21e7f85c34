import { runCli } from './run-cli';

/** `beacon-catalog …` (see `bin/beacon-catalog.js`): run, then exit with the command's code. */
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `beacon-catalog: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
