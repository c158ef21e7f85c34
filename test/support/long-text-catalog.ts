import { fixtureCatalog } from './test-app';
import type { CatalogResource } from '../../src/model/catalog-resource';
import { foldCase } from '../../src/store/memory/trigram-build';

/**
 * `copies` of the shipped fixtures, each with a description of 600+ characters made of the
 * real descriptions of four neighbouring fixtures (as long catalog entries read), and an id
 * of its own. Every fourth copy is registered and every seventh controlled when `tiered`.
 */
export function longTextCatalog(copies: number, tiered = false): CatalogResource[] {
  const fixtures = fixtureCatalog();
  const texts = fixtures.map((r) => r.description ?? r.title);
  const resources: CatalogResource[] = [];
  for (let k = 0; k < copies; k += 1) {
    fixtures.forEach((r, i) => {
      let description = '';
      for (let j = 0; description.trimEnd().length < 600; j += 1)
        description += `${texts[(i + j + k) % texts.length] ?? ''} `;
      const n = resources.length;
      const accessLevel = !tiered ? r.accessLevel : n % 7 === 0 ? 'controlled' : n % 4 === 0 ? 'registered' : undefined;
      const { accessLevel: _given, ...rest } = r;
      resources.push({
        ...rest,
        id: `${r.id}/copy-${k}`,
        description: description.trim(),
        ...(accessLevel ? { accessLevel } : {}),
      });
    });
  }
  return resources;
}

/**
 * The reference for a `%` pattern, written to be obviously right rather than fast: the
 * classic dynamic programme over pattern and text (no regular expression, no `indexOf`),
 * case-insensitive by the fold a `RegExp` with `i` uses.
 */
export function naiveWildcardMatch(text: string, pattern: string): boolean {
  const t = foldCase(text);
  const p = foldCase(pattern);
  let row = new Uint8Array(t.length + 1);
  row[0] = 1;
  for (let i = 0; i < p.length; i += 1) {
    const unit = p[i];
    const next = new Uint8Array(t.length + 1);
    if (unit === '%') {
      for (let j = 0; j <= t.length; j += 1) next[j] = row[j] || (j > 0 ? next[j - 1] : 0) ? 1 : 0;
    } else {
      for (let j = 1; j <= t.length; j += 1) next[j] = row[j - 1] && t[j - 1] === unit ? 1 : 0;
    }
    row = next;
  }
  return row[t.length] === 1;
}
