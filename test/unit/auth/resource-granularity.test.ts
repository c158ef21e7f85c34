import { Query } from 'mingo';
import { visibleAt } from '../../../src/query/access-clause';
import { atLeast, GRANULARITIES } from '../../../src/model/granularity';
import { resourceGranularity } from '../../../src/auth/resource-granularity';
import type { Principal } from '../../../src/auth/principal';
import { ACCESS_LEVELS, type AccessLevel } from '../../../src/model/catalog-resource';

const ID = 'https://example.org/resource/r1';
const PRINCIPALS: Record<string, Principal> = {
  anonymous: { kind: 'anonymous' },
  'auth-key': { kind: 'auth-key' },
  token: { kind: 'token', issuer: 'https://issuer.test', subject: 's', grants: new Set(), rejectedVisas: 0 },
  'token with a grant for it': {
    kind: 'token',
    issuer: 'https://issuer.test',
    subject: 's',
    grants: new Set([ID]),
    rejectedVisas: 0,
  },
  'token with a grant for another': {
    kind: 'token',
    issuer: 'https://issuer.test',
    subject: 's',
    grants: new Set(['https://example.org/other']),
    rejectedVisas: 0,
  },
};
const CONFIGS = GRANULARITIES.flatMap((registeredGranularity) =>
  GRANULARITIES.map((controlledGranularity) => ({ registeredGranularity, controlledGranularity })),
);
const LEVELS: (AccessLevel | undefined)[] = [undefined, ...ACCESS_LEVELS];

describe('resourceGranularity', () => {
  test.each(Object.keys(PRINCIPALS))(
    'when the caller is %s, then for every level, configuration and granularity it agrees with the visibleAt list clause',
    (name) => {
      const principal = PRINCIPALS[name]!;
      for (const config of CONFIGS) {
        for (const accessLevel of LEVELS) {
          const resource = { id: ID, ...(accessLevel ? { accessLevel } : {}) };
          const allowed = resourceGranularity(resource, principal, config);
          for (const needed of GRANULARITIES) {
            const clause = visibleAt(needed, principal, config);
            const listed = clause === undefined || new Query(clause).test(resource);
            expect([accessLevel, config, needed, atLeast(allowed, needed)]).toEqual([
              accessLevel,
              config,
              needed,
              listed,
            ]);
          }
        }
      }
    },
  );

  test('when an anonymous caller meets the default levels, then public is a record, registered a count and controlled a boolean', () => {
    const config = { registeredGranularity: 'count', controlledGranularity: 'boolean' } as const;
    const anonymous = PRINCIPALS.anonymous!;
    expect(
      LEVELS.map((accessLevel) =>
        resourceGranularity({ id: ID, ...(accessLevel ? { accessLevel } : {}) }, anonymous, config),
      ),
    ).toEqual(['record', 'record', 'count', 'boolean']);
  });
});
