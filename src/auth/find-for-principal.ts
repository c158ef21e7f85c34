import type { Config } from '../config/config';
import type { CatalogResource } from '../model/catalog-resource';
import type { CatalogStore, ResultWindow } from '../store/catalog-store';
import type { QueryDocument } from '../query/query-document';
import type { Principal } from './principal';
import { restrict, visibleAt } from '../query/access-clause';
import type { Granularity } from '../model/granularity';

export interface TieredResult {
  /** What the answer may say: record and count answers count only what may be counted. */
  granularity: Granularity;
  total: number;
  records: CatalogResource[];
  /** For v2 renderings' `info.notes`. */
  notes: string[];
}

type PolicyConfig = Pick<Config, 'registeredGranularity' | 'controlledGranularity'>;

/**
 * The store query under the caller's access: records only of what may be seen as records,
 * counts only of what may be counted, and when matches exist but none may be counted, a
 * boolean answer. Notes say how many matches were withheld; never which.
 *
 * A query with a text or identifier filter (`textual`) is answered over the records the
 * caller may see as records only: otherwise its yes/no on a withheld record, one guessed
 * character at a time, would spell out that record's title, description or `@id`.
 */
export async function findForPrincipal(
  store: CatalogStore,
  query: QueryDocument,
  window: ResultWindow,
  requested: Granularity,
  principal: Principal,
  config: PolicyConfig,
  textual = false,
): Promise<TieredResult> {
  if (textual) {
    const found = await store.find(
      restrict(query, visibleAt('record', principal, config)),
      window,
      requested === 'record',
    );
    return { granularity: requested, total: found.total, records: found.records, notes: [] };
  }
  const visible = visibleAt(requested, principal, config);
  // The restricted page and the unrestricted count run side by side: one round trip of latency.
  const [asked, everything] = await Promise.all([
    store.find(restrict(query, visible), window, requested === 'record'),
    visible ? store.find(query, { offset: 0, limit: 0 }, false) : undefined,
  ]);
  if (!everything || everything.total === asked.total)
    return { granularity: requested, total: asked.total, records: asked.records, notes: [] };
  const notes: string[] = [];
  const tokenWithoutRights = principal.kind === 'token' ? ' (your token grants no access to them)' : '';
  const countable =
    requested === 'count'
      ? asked
      : await store.find(restrict(query, visibleAt('count', principal, config)), { offset: 0, limit: 0 }, false);
  if (requested !== 'boolean' && countable.total === 0) {
    notes.push(
      `matching resources exist but your access level allows only a yes/no answer for them${tokenWithoutRights}`,
    );
    return { granularity: 'boolean', total: everything.total, records: [], notes };
  }
  if (requested === 'record' && countable.total > asked.total) {
    notes.push(
      `${countable.total - asked.total} matching resource(s) withheld as records: your access level allows only a count for them${tokenWithoutRights}`,
    );
  }
  if (everything.total > countable.total)
    notes.push(`further matching resources are answered yes/no only at your access level${tokenWithoutRights}`);
  return {
    granularity: requested,
    total: requested === 'boolean' ? everything.total : countable.total,
    records: asked.records,
    notes,
  };
}
