import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's python, which has python3-mongomock and python3-mockupdb (pyenv's may come first on PATH). */
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, 'mongo-wire-server.py');
const START_TIMEOUT_MS = 15_000;

export interface MongoWireServer {
  /** `mongodb://127.0.0.1:<port>`; the same across restarts. */
  readonly uri: string;
  /** End the process; its data is kept, as a stopped mongod keeps its files. */
  stop(): Promise<void>;
  /** Start it again on the same port with the same data (stopping it first if running). */
  restart(): Promise<void>;
  /** Stop and delete the data. */
  dispose(): Promise<void>;
}

/** Start the MockupDB + mongomock bridge on a free loopback port; resolves once it answers. */
export async function startMongoWireServer(): Promise<MongoWireServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mongo-wire-'));
  const dataFile = join(dataDir, 'data.bson');
  let child: ChildProcess | undefined;
  let port = 0;

  const start = async (): Promise<void> => {
    const started = await launch(port, dataFile);
    child = started.child;
    port = started.port;
    await probe(port);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running !== undefined) await terminate(running);
  };

  await start();
  return {
    uri: `mongodb://127.0.0.1:${port}`,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function launch(port: number, dataFile: string): Promise<{ child: ChildProcess; port: number }> {
  const env = { ...process.env };
  delete env['PYTHONPATH'];
  delete env['PYTHONHOME'];
  const args = [SCRIPT, '--data-file', dataFile, ...(port > 0 ? ['--port', String(port)] : [])];
  const child = spawn(PYTHON, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('timed out')), START_TIMEOUT_MS);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      const missing = /ModuleNotFoundError|ENOENT/.test(`${error.message} ${output}`);
      // One line that says what to do, where a package is missing (nothing is skipped).
      if (missing)
        reject(
          new Error(
            "the MongoDB wire suites need Debian's /usr/bin/python3 with python3-mongomock and python3-mockupdb: apt-get install python3-mongomock python3-mockupdb",
          ),
        );
      else reject(new Error(`mongo wire server did not start (${error.message}): ${output}`));
    };
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`exited with ${String(code)}`)));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, port: Number(match[1]) });
      }
    });
  });
}

function probe(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve();
    });
    socket.on('error', reject);
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
