import { OntologyLoadError, OntologyLoadFailure } from './ontology-load-error';

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps a file-system or gunzip error to an `OntologyLoadError` for `file`. */
export function streamLoadError(file: string, error: unknown): OntologyLoadError {
  if (error instanceof OntologyLoadError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT')
    return new OntologyLoadError(file, OntologyLoadFailure.notFound, 'file not found', { cause: error });
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(message)) {
    return new OntologyLoadError(
      file,
      OntologyLoadFailure.truncated,
      'gzip stream is truncated (unexpected end of file)',
      { cause: error },
    );
  }
  if (code === 'Z_DATA_ERROR') {
    return new OntologyLoadError(file, OntologyLoadFailure.truncated, `gzip data is corrupt (${message})`, {
      cause: error,
    });
  }
  return new OntologyLoadError(file, OntologyLoadFailure.unreadable, message, { cause: error });
}
