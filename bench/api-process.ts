/**
 * The API as it runs in production: `src/server.ts` in a Node process of its own (the flags of `npm start`), the
 * job workers left to their own processes (RUN_WORKERS=false), on the bench's PostgreSQL database. The HTTP
 * measurements go to it, so the harness (its seeded data, its timers, its heap) does not share the API's event
 * loop and garbage collector. PGlite keeps one process per data directory: there the API stays in the bench.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../apps/server');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

export async function startApiProcess(databaseUrl: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--max-semi-space-size=64',
      // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/api-profile" to see where the API spends its time
      ...(process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
      '--import',
      'tsx',
      'src/server.ts',
    ],
    {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(port),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DEMO_MODE: 'true', // the outbox adapter: the bench reads the login code from it
        RUN_WORKERS: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API process did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, stop };
}
