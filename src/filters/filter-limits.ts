import type { FilterLimits } from './filter-types';

/** Bounds on what one request may ask, so no request can make the service work without end. */
export const DEFAULT_FILTER_LIMITS: Readonly<FilterLimits> = Object.freeze({
  maxFilters: 64,
  maxValuesPerFilter: 100,
  maxStringLength: 1000,
});
