import type { OntologyIndex } from './ontology-index';

/**
 * The sorted, deduplicated union of each theme and its ancestors, stored per resource as
 * `themeAncestors` so that "X or any descendant" is `{themeAncestors: {$in: [X]}}`.
 * A theme is kept as given; when it resolves (alt id, obsolete with replacement, other
 * spelling) its active term and that term's ancestors are added. Unknown themes stay as themselves.
 */
export function ancestorClosure(index: OntologyIndex, themes: readonly string[]): string[] {
  const closure = new Set<string>();
  for (const theme of themes) {
    closure.add(theme);
    const resolved = index.resolve(theme)?.id;
    if (resolved === undefined) continue;
    closure.add(resolved);
    for (const ancestor of index.ancestors(resolved)) closure.add(ancestor);
  }
  return [...closure].sort();
}
