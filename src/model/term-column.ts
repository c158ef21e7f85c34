/**
 * One multi-valued field of every resource of a catalog as term numbers, in the order the
 * resources were given: resource i holds `terms[n]` for each n in `flat[ends[i-1]..ends[i])`
 * (from 0 for the first). Typed arrays are neither scanned by the garbage collector nor
 * hashed per value, which is why a million resources' theme ancestors travel this way from
 * the catalog load to the embedded store.
 */
export interface TermColumn {
  readonly terms: readonly string[];
  readonly flat: Int32Array;
  readonly ends: Int32Array;
}

/** Resource i's values in `column`, as strings. */
export function termsAt(column: TermColumn, i: number): string[] {
  const from = i === 0 ? 0 : (column.ends[i - 1] as number);
  const to = column.ends[i] as number;
  const values = new Array<string>(to - from);
  for (let k = from; k < to; k += 1) values[k - from] = column.terms[column.flat[k] as number] as string;
  return values;
}
