/**
 * What `beacon-catalog` exits with. 0: done (a load with `--skip-invalid` that skipped
 * records too); 1: the input was refused (an invalid record, an unreadable manifest) or
 * `verify` found a difference, and nothing was written; 2: bad command line; 3: the store
 * or the file system failed (nothing half-written is ever served); 4: another load holds the
 * target's lock (nothing was written; run again once it is done); 5: `harvest` could not
 * fetch or parse the source's root document (nothing was written).
 */
export const EXIT_CODES = { ok: 0, rejected: 1, usage: 2, failure: 3, locked: 4, unreachable: 5 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
