import { MemoryStore } from '../../src/store/memory-store';
import { StoreUnavailableError } from '../../src/store/store-errors';
import type { CatalogResource } from '../../src/model/catalog-resource';
import type { FindResult, QueryDocument, ResultWindow } from '../../src/store/catalog-store';

/** The embedded store with a switch: while `down`, it is not ready and every query is unavailable. */
export class FlakyStore extends MemoryStore {
  down = false;
  /** Milliseconds each find waits before answering. */
  delayMs = 0;

  constructor(resources: readonly CatalogResource[]) {
    super([...resources]);
  }

  override async isReady(): Promise<boolean> {
    return !this.down;
  }

  override async find(query: QueryDocument, window: ResultWindow, withRecords: boolean): Promise<FindResult> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.down) throw new StoreUnavailableError('unreachable');
    return super.find(query, window, withRecords);
  }
}
