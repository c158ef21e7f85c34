/** `npm start` on a port that is already taken: the start fails, saying why, instead of claiming to listen. */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function occupiedPort(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Runs the service to its exit: its exit code and everything it wrote. */
function runService(port: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MONGODB_URI: '',
    ONTOLOGY_FILES: 'none',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
  };
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'src', 'main.ts'),
      '--data',
      path.join(ROOT, 'fixtures', 'catalog.json'),
      '--port',
      String(port),
    ],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Killed if it keeps running, so a service that wrongly stays up fails the test rather than hanging it.
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('starting the service', () => {
  test('when its port is already in use, then it exits with 1, says so, and never logs that it listens', async () => {
    const taken = await occupiedPort();
    try {
      const { port } = taken.address() as net.AddressInfo;
      const { code, stdout, stderr } = await runService(port);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `beacon-catalog failed to start: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`,
      );
      expect(stdout).not.toContain('beacon-catalog listening');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 30_000);
});
