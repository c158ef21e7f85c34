/**
 * Worker thread entry (`TrigramIndex.inWorker`): texts in, their folded text and trigram
 * postings out, the arrays' buffers handed over rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { buildTrigramPostings } from './memory-trigram-build';

parentPort?.once('message', (texts: readonly string[]) => {
  const built = buildTrigramPostings(texts);
  parentPort?.postMessage(built, [built.textEnds.buffer, built.keys.buffer, built.gramEnds.buffer, built.positions.buffer]);
});
