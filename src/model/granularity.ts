/** Beacon granularities, from least to most detail. */
export const GRANULARITIES = ['boolean', 'count', 'record'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export function atLeast(granted: Granularity, needed: Granularity): boolean {
  return GRANULARITIES.indexOf(granted) >= GRANULARITIES.indexOf(needed);
}

/** The least detailed of the given granularities (what every one of them allows). */
export function lowest(...granularities: Granularity[]): Granularity {
  return GRANULARITIES[Math.min(...granularities.map((g) => GRANULARITIES.indexOf(g)))] ?? 'boolean';
}
