import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerReady, ServerMessage } from './server-messages';

export interface RunningServer {
  ready: ServerReady;
  stop(): Promise<void>;
}

/** The V8 flags `npm start` gives the service (package.json), so the bench serves as production does. */
function startV8Flags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return pkg.scripts.start.split(/\s+/).filter((arg) => /^--max-(semi|old)-space-size=\d+$/.test(arg));
}

/** Forks the bench server on `file` and waits (bounded) for it to listen. */
export function startServer(
  file: string,
  options: { timeoutMs: number; heapMb?: number; answerCacheMb?: string },
): Promise<RunningServer> {
  const execArgv = [
    ...startV8Flags(),
    '--import',
    'tsx',
    '--expose-gc',
    ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []),
  ];
  const env =
    options.answerCacheMb === undefined ? process.env : { ...process.env, ANSWER_CACHE_MB: options.answerCacheMb };
  const child: ChildProcess = fork(path.join(__dirname, 'bench-server.ts'), [file], {
    execArgv,
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.disconnect();
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench server did not start within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.once('message', (message: ServerMessage) => {
      clearTimeout(timer);
      if (message.kind === 'ready') resolve({ ready: message, stop });
      else reject(new Error(`bench server failed: ${message.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with ${code}`));
    });
  });
}
