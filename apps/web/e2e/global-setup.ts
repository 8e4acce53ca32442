import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPortalProcess } from '../../../scripts/portal-process.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts the real portal (built web app, demo data on a fresh embedded database) for the run. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: join(dataDir, 'db'),
    DEMO_MODE: 'true',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    // The journeys log administrator A in through the browser some twenty times within the hour, past the default
    // of 10 codes per phone per hour (the windows are clock hours, so a run that crossed one passed by luck). The
    // limit itself is tested on the API (test/identity.api.test.ts: the eleventh code is refused).
    OTP_SENDS_PER_HOUR: '1000',
  };
  // The browser tests run on the embedded database unless E2E_DATABASE_URL says otherwise.
  delete env.DATABASE_URL;
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  const server = await startPortalProcess({ env });
  project.provide('baseUrl', server.base);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
