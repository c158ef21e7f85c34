import path from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';

/** The module `name` beside `file`, in the same form: `.js` in the build, `.ts` when run from source. */
export function siblingModule(file: string, name: string): string {
  return path.join(path.dirname(file), `${name}${path.extname(file)}`);
}

/** A new thread running `entry`: emitted JavaScript as it is; a TypeScript source (tests, tsx scripts) through tsx. */
function startWorker(entry: string): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry);
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, {
    eval: true,
  });
}

/**
 * Asks a worker entry module of this tree (`answerInWorker`) one question in a new worker
 * thread, and resolves with its answer; the worker then stops. `signal` stops the worker
 * early: the promise then rejects once the thread has exited.
 */
export function runInWorker<T>(entry: string, question: unknown, signal?: AbortSignal): Promise<T> {
  const worker = startWorker(entry);
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (answer: T) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`worker ${path.basename(entry)} stopped (exit code ${code}) before it answered`)),
    );
    signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
    worker.postMessage(question);
  });
}

/**
 * In a worker entry module: answers the one question `runInWorker` asks. `handOver` names the
 * answer's buffers to move to the asking thread rather than copy.
 */
export function answerInWorker<Q, T>(
  answer: (question: Q) => T | Promise<T>,
  handOver: (answer: T) => ArrayBuffer[] = () => [],
): void {
  parentPort?.once('message', (question: Q) => {
    void Promise.resolve(question)
      .then(answer)
      .then((result) => parentPort?.postMessage(result, handOver(result)));
  });
}
