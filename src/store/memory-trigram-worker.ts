/** Worker entry (`TrigramIndex.inWorker`): texts in, their folded text and trigram postings out. */
import { answerInWorker } from '../worker/run-in-worker';
import { buildTrigramPostings } from './memory-trigram-build';

answerInWorker(buildTrigramPostings, (built) => [built.textEnds.buffer, built.keys.buffer, built.gramEnds.buffer, built.positions.buffer]);
