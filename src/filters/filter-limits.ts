import type { Config } from '../config/config';
import type { FilterLimits } from './filter-types';

/** Bounds on what one request may ask, so no request can make the service work without end. */
export const DEFAULT_FILTER_LIMITS: Readonly<FilterLimits> = Object.freeze({
  maxFilters: 64,
  maxValuesPerFilter: 100,
  maxStringLength: 1000,
});

/** The configured bounds (`MAX_FILTERS`, `MAX_VALUES_PER_FILTER`, `MAX_STRING_LENGTH`). */
export function filterLimitsFrom(config: Pick<Config, keyof FilterLimits>): Readonly<FilterLimits> {
  return Object.freeze({
    maxFilters: config.maxFilters,
    maxValuesPerFilter: config.maxValuesPerFilter,
    maxStringLength: config.maxStringLength,
  });
}
