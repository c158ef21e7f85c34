/** Worker entry (`streamCatalogFile`): a catalog file's name in, its bad items out (`checkCatalogFile`). */
import { answerInWorker } from '../worker/run-in-worker';
import { checkCatalogFile } from './check-catalog-file';

answerInWorker(checkCatalogFile);
