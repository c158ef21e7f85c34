import type { CatalogStore } from '../store/catalog-store';
import type { Metrics } from './metrics';

type Timed = 'find' | 'findById' | 'terms' | 'replaceAll' | 'isReady';

/** The same store, with each operation's time recorded in `catalog_store_operation_duration_seconds`. */
export function instrumentStore(store: CatalogStore, metrics: Metrics): CatalogStore {
  const timed =
    <A extends unknown[], R>(operation: Timed, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const stop = metrics.storeDuration.startTimer({ operation });
      try {
        const result = await call(...args);
        stop({ outcome: 'ok' });
        return result;
      } catch (error) {
        stop({ outcome: 'error' });
        throw error;
      }
    };
  return {
    kind: store.kind,
    find: timed('find', store.find.bind(store)),
    findById: timed('findById', store.findById.bind(store)),
    terms: timed('terms', store.terms.bind(store)),
    // Not timed: read with every query that names another vocabulary, and kept in memory.
    themePrefixes: store.themePrefixes.bind(store),
    replaceAll: timed('replaceAll', store.replaceAll.bind(store)),
    isReady: timed('isReady', store.isReady.bind(store)),
    close: store.close.bind(store),
  };
}
