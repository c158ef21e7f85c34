import type { FilterGroup } from './filter-types';

/** Whether any filter reads a resource's text or identifier (`dct:title`, `dct:description`, `dct:identifier`, `=` or `!`). */
export function hasTextFilter(groups: readonly FilterGroup[]): boolean {
  return groups.some((group) => group.some((clause) => clause.kind === 'pattern'));
}
