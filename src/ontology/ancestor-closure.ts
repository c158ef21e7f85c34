import type { OntologyIndex } from './ontology-index';
import { mergeSorted, themeClosuresOf } from './theme-closures';

/**
 * The sorted, deduplicated union of each theme and its ancestors, stored per resource as
 * `themeAncestors` so that "X or any descendant" is `{themeAncestors: {$in: [X]}}`.
 * A theme is kept as given; when it resolves (alt id, obsolete with replacement, other
 * spelling) its active term and that term's ancestors are added. Unknown themes stay as themselves.
 * Each theme's closure is computed once per index (frozen); one theme gives that shared
 * frozen array, several give the merge of theirs. Read it, never change it.
 */
export function ancestorClosure(index: OntologyIndex, themes: readonly string[]): string[] {
  const closures = themeClosuresOf(index);
  const first = themes[0];
  if (first === undefined) return [];
  let union = closures.of(first);
  for (let i = 1; i < themes.length; i += 1) union = mergeSorted(union, closures.of(themes[i] as string));
  return union as string[];
}
