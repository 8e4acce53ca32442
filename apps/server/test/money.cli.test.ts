import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Db, openPglite } from '../src/db/client.js';
import { BIN_LARGE } from '../src/db/demo-data/constants.js';
import { checkLedger } from '../src/modules/billing/ledger.js';
import { openTestDb } from './helpers/test-db.js';

/**
 * O4 operator commands as the operator runs them: `npm run billing -- --month …` and
 * `npm run payments -- --file …` (the scripts behind them, as child processes), against a
 * database of this file's own: a PostgreSQL copy, or a PGlite data directory in a temp folder.
 */
const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let db: (Db & { url?: string }) | undefined;
let dataDir: string | undefined;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'portal-cli-'));
  if (process.env.DATABASE_URL) db = await openTestDb();
  else {
    dataDir = join(work, 'data');
    const seeded = await openPglite(dataDir, new Blob([readFileSync(inject('pgliteSnapshot'))]));
    await seeded.close();
  }
}, 120_000);
afterAll(async () => {
  await db?.close();
  rmSync(work, { recursive: true, force: true });
});

function run(script: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      {
        cwd: serverDir,
        env: { ...process.env, DATABASE_URL: db?.url ?? '', DATA_DIR: dataDir ?? '', INIT_CWD: work },
        timeout: 120_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

async function withDb<T>(fn: (q: Db) => Promise<T>): Promise<T> {
  if (db) return fn(db);
  const q = await openPglite(dataDir);
  try {
    return await fn(q);
  } finally {
    await q.close();
  }
}

describe('operator commands', () => {
  it('npm run billing: usage, a month not over yet, a month already invoiced (twice: no change)', async () => {
    const usage = await run('src/scripts/billing-run.ts', []);
    expect(usage.code).toBe(1);
    expect(usage.out).toContain('--month YYYY-MM');
    const bad = await run('src/scripts/billing-run.ts', ['--month', '2026-1']);
    expect(bad).toMatchObject({ code: 1, out: expect.stringContaining('--month must be YYYY-MM') });
    const current = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 7); // Almaty's month
    const open = await run('src/scripts/billing-run.ts', ['--month', current]);
    expect(open).toMatchObject({ code: 1, out: expect.stringContaining('is not over yet') });

    const last = await withDb(
      async (q) =>
        (await q.query<{ m: string }>("SELECT to_char(max(period), 'YYYY-MM') AS m FROM invoices")).rows[0]!.m,
    );
    for (let i = 0; i < 2; i++) {
      const r = await run('src/scripts/billing-run.ts', ['--month', last]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/invoices created: {2}0 /);
      expect(r.out).toMatch(/already invoiced: {2}\d+ \(left unchanged\)/);
      expect(r.out).toContain('ledger check:      ok');
    }
  }, 180_000);

  it('npm run payments: loads the good lines, reports the bad ones by line and field, exit code 2', async () => {
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      join(work, 'payments.csv'),
      [
        'date;payment order number;amount;BIN;account',
        `${day};880001;"1200,50";${BIN_LARGE};25602051`,
        `${day};880002;99.999;${BIN_LARGE};25602051`,
        `${day};880003;5;${BIN_LARGE};no such account`,
      ].join('\n'),
    );
    // A relative path is the caller's (npm sets INIT_CWD to where `npm run` was typed).
    const r = await run('src/scripts/load-payments.ts', ['--file', 'payments.csv']);
    expect(r.code, r.out).toBe(2);
    expect(r.out).toContain('loaded:        2 (1205.50 KZT): 1 allocated, 1 unallocated');
    expect(r.out).toContain('line 3, amount:');
    const again = await run('src/scripts/load-payments.ts', ['--file', 'payments.csv']);
    expect(again.out).toContain('already there: 2');
    const id = await withDb(
      async (q) => (await q.query<{ id: string }>("SELECT id FROM payments WHERE order_number = '880003'")).rows[0]!.id,
    );
    const allocate = await run('src/scripts/load-payments.ts', ['--allocate', id, '--account', '25602052']);
    expect(allocate).toMatchObject({
      code: 0,
      out: expect.stringContaining('(5.00 KZT) allocated to account 25602052'),
    });
    const missing = await run('src/scripts/load-payments.ts', ['--file', 'nope.csv']);
    expect(missing).toMatchObject({ code: 1, out: expect.stringContaining('no such file') });
    expect(await withDb(async (q) => (await checkLedger(q)).ok)).toBe(true);
  }, 180_000);
});
