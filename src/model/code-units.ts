/**
 * Strings in UTF-16 code-unit order, as `<` compares them (and MongoDB sorts ASCII ids):
 * the order of stored documents by `id`, whichever thread sorts them.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
