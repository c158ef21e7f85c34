/** The command line cannot be understood: exit 2 with the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input file is refused as a whole (unreadable, not JSON, unknown format): exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}

/** An export would lose data (a list value holding the `|` separator): exit 1. */
export class LossyExportError extends Error {
  override name = 'LossyExportError';
}

/** Another load holds the target's lock (or took it over meanwhile): exit 4, nothing written. */
export class TargetLockedError extends Error {
  override name = 'TargetLockedError';
}
