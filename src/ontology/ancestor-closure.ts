import type { OntologyIndex } from './ontology-index';
import { themeClosuresOf } from './theme-closures';

/**
 * The sorted, deduplicated union of each theme and its ancestors, stored per resource as
 * `themeAncestors` so that "X or any descendant" is `{themeAncestors: {$in: [X]}}`.
 * A theme is kept as given; when it resolves (alt id, obsolete with replacement, other
 * spelling) its active term and that term's ancestors are added. Unknown themes stay as themselves.
 * Each theme's closure is computed once per index (frozen); one theme gives that shared
 * frozen array, several give the union of theirs. Read it, never change it.
 */
export function ancestorClosure(index: OntologyIndex, themes: readonly string[]): string[] {
  return themeClosuresOf(index).union(themes) as string[];
}
