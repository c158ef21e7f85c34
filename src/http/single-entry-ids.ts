import { BeaconError } from '../errors/beacon-error';

const PREFIX = '/catalogs/';
/** `https:/host/x`: a scheme followed by one slash, where a proxy collapsed `//` into `/`. */
const COLLAPSED_SCHEME = /^([a-z][a-z0-9+.-]*:)\/(?!\/)/i;

/**
 * The `@id`s a `/catalogs/{id}` path may name, most likely first. Aggregators fill the
 * template with the raw id, so the rest of the path is the id whether it came
 * percent-encoded (`https%3A%2F%2Fhost%2Fx`), raw (`https://host/x`) or both; a proxy may
 * have collapsed its `//` (`https:/host/x`), so that form is also tried with `//` restored.
 */
export function singleEntryIds(path: string): string[] {
  let id: string;
  try {
    id = decodeURIComponent(path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path);
  } catch {
    throw new BeaconError(
      'INVALID_REQUEST',
      `the id in ${path} is not valid percent-encoding; encode it with encodeURIComponent`,
    );
  }
  const restored = id.replace(COLLAPSED_SCHEME, '$1//');
  return restored === id ? [id] : [id, restored];
}
