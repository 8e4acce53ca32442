/**
 * The portal's server (apps/server, `src/server.ts`) started in a process of its own on a free local port, as the
 * browser tests (apps/web/e2e/global-setup.ts), the benchmark's API (bench/api-process.ts) and the Lighthouse script
 * (scripts/lighthouse.mjs) need it: resolves once /healthz answers, fails with the server's own output when the
 * process exits or does not answer in time. Plain ESM (Lighthouse runs it with bare Node); types in
 * portal-process.d.mts.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const serverDir = resolve(import.meta.dirname, '../apps/server');

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

export async function startPortalProcess({ env, nodeArgs = [], timeoutMs = 180_000, pollMs = 500, label = 'server' }) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server.ts'], {
    cwd: serverDir,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${label} exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the ${label} did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return { base, stop };
}
