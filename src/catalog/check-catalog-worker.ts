/** Worker entry (`streamCatalog`): a catalog file (an open descriptor) in, its check (`checkCatalogFile`) out. */
import type { OpenFile } from './stream-json-items';
import { answerInWorker } from '../worker/run-in-worker';
import { trigramBuffers } from '../store/memory/trigram-build';
import { checkCatalogFile, type CatalogCheck } from './check-catalog-file';

answerInWorker(
  ({ file, indexTitles }: { file: OpenFile; indexTitles: boolean }) => checkCatalogFile(file, indexTitles),
  ({ titles }: CatalogCheck) => (titles ? trigramBuffers(titles) : []),
);
