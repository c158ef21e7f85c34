/** A MongoDB query document, built only by `src/query/` from parsed filters and access clauses. */
export type QueryDocument = Record<string, unknown>;
