/**
 * The API as it runs in production: `src/server.ts` in a Node process of its own (the flags of `npm start`), the
 * job workers left to their own processes (RUN_WORKERS=false), on the bench's PostgreSQL database. The HTTP
 * measurements go to it, so the harness (its seeded data, its timers, its heap) does not share the API's event
 * loop and garbage collector. PGlite keeps one process per data directory: there the API stays in the bench.
 */
import { startPortalProcess } from '../scripts/portal-process.mjs';

export async function startApiProcess(databaseUrl: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const { base, stop } = await startPortalProcess({
    label: 'API process',
    nodeArgs: [
      '--max-semi-space-size=64',
      // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/api-profile" to see where the API spends its time
      ...(process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
    ],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DEMO_MODE: 'true', // the outbox adapter: the bench reads the login code from it
      RUN_WORKERS: 'false',
    },
    timeoutMs: 120_000,
    pollMs: 250,
  });
  return { base, stop };
}
