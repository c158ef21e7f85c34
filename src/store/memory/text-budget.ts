import { TextScanBudgetError } from '../store-errors';

/**
 * The characters one query's `%` matches may scan in the embedded store. Each match is
 * linear in the text it reads, so counting characters before reading them bounds the
 * synchronous work of a request; past the limit the query stops with `TextScanBudgetError`.
 */
export class TextBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  get spent(): number {
    return this.used;
  }

  /** Counts `characters` about to be read; throws, without reading them, when over the limit. */
  spend(characters: number): void {
    this.used += characters;
    if (this.used > this.limit) throw new TextScanBudgetError(this.limit);
  }
}

/** For callers that bound their work otherwise (tests of the planner's shapes). */
export const unlimitedBudget = (): TextBudget => new TextBudget(Number.POSITIVE_INFINITY);
