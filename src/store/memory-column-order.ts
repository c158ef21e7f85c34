import type { TermColumn } from '../model/term-column';

/**
 * `column`, whose entries follow the order the resources were given in, rearranged so that
 * entry p is resource `order[p]`'s: the embedded store keeps resources sorted by id.
 */
export function reorderColumn(column: TermColumn, order: readonly number[]): TermColumn {
  const { flat, ends } = column;
  const sortedFlat = new Int32Array(flat.length);
  const sortedEnds = new Int32Array(order.length);
  let at = 0;
  for (let position = 0; position < order.length; position += 1) {
    const i = order[position] as number;
    const from = i === 0 ? 0 : (ends[i - 1] as number);
    const to = ends[i] as number;
    for (let k = from; k < to; k += 1) sortedFlat[at++] = flat[k] as number;
    sortedEnds[position] = at;
  }
  return { terms: column.terms, flat: sortedFlat, ends: sortedEnds };
}
