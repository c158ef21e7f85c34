import { MemoryStore } from '../../src/store/memory/memory-store';
import { StoreUnavailableError } from '../../src/store/store-errors';
import type { CatalogResource } from '../../src/model/catalog-resource';
import type { FindResult, ResultWindow } from '../../src/store/catalog-store';
import type { QueryDocument } from '../../src/query/query-document';

/** The embedded store with a switch: while `down`, it is not ready and every query is unavailable. */
export class FlakyStore extends MemoryStore {
  down = false;
  /** While set, every find waits for it: tests open and close the gate by hand. */
  gate: Promise<void> | undefined;
  /** Resolves each time a find has started, so tests know a request is in flight. */
  started: Array<() => void> = [];

  constructor(resources: readonly CatalogResource[]) {
    super([...resources]);
  }

  override async isReady(): Promise<boolean> {
    return !this.down;
  }

  override async find(query: QueryDocument, window: ResultWindow, withRecords: boolean): Promise<FindResult> {
    this.started.shift()?.();
    if (this.gate) await this.gate;
    if (this.down) throw new StoreUnavailableError('unreachable');
    return super.find(query, window, withRecords);
  }

  /** Holds every find until the returned function is called. */
  closeGate(): () => void {
    let open = (): void => undefined;
    this.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    return () => {
      this.gate = undefined;
      open();
    };
  }

  /** Resolves when the next find starts. */
  nextFind(): Promise<void> {
    return new Promise((resolve) => this.started.push(resolve));
  }
}
