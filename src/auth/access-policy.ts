import type { Config } from '../config/config';
import type { AccessLevel } from '../model/catalog-resource';
import type { Granularity } from '../model/granularity';
import type { Principal } from './principal';

/** The most a caller sees of a level's resources without a per-resource grant. */
export function levelGranularity(
  level: AccessLevel,
  principal: Principal,
  config: Pick<Config, 'registeredGranularity' | 'controlledGranularity'>,
): Granularity {
  if (level === 'public') return 'record';
  if (level === 'registered') return principal.kind === 'anonymous' ? config.registeredGranularity : 'record';
  return config.controlledGranularity;
}
