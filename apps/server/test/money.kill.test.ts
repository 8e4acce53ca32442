import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../scripts/portal-process.mjs';
import { type Db, openPglite } from '../src/db/client.js';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { checkLedger } from '../src/modules/billing/ledger.js';
import { openTestDb } from './helpers/test-db.js';

/**
 * F40, issue 5 — crash test: the real server (`node --import tsx src/server.ts`) takes balance
 * transfers with Idempotency-Keys from concurrent clients and is killed with SIGKILL mid-load.
 * After a restart every request is retried with its key: each transfer a client saw succeed is in
 * the ledger once (its retry replays the same response), each one that was cut off is applied at
 * most once, and the company's total is unchanged.
 *
 * PostgreSQL: a fresh database of this file's own. PGlite: the server runs on a data directory in
 * a temporary folder (PGlite is single-process, so the test reads through the API while the
 * server runs, and opens the directory itself only after the server has stopped).
 */
const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const REQUESTS = 240;
const CLIENTS = 12;
const KILL_AFTER = 60;

let kind: 'postgres' | 'pglite';
let db: (Db & { url?: string }) | undefined;
let dataDir: string | undefined;
let port: number;
let server: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    kind = 'postgres';
    db = await openTestDb();
  } else {
    kind = 'pglite';
    dataDir = mkdtempSync(join(tmpdir(), 'portal-kill-'));
    const seeded = await openPglite(dataDir, new Blob([readFileSync(inject('pgliteSnapshot'))]));
    await seeded.close();
  }
  port = await freePort();
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO_MODE: 'true',
      RUN_WORKERS: 'false',
      LOG_LEVEL: 'warn',
      AUTH_IP_LIMIT_PER_MINUTE: '1000',
      DATABASE_URL: db?.url ?? '',
      DATA_DIR: dataDir ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

const base = () => `http://127.0.0.1:${port}`;

async function loginOverHttp(): Promise<Record<string, string>> {
  const res = await fetch(`${base()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: ADMIN_A_PHONE, password: DEMO_PASSWORD }),
  });
  const { challengeId } = (await res.json()) as { challengeId: string };
  const outbox = (await (await fetch(`${base()}/dev/outbox`)).json()) as { items: { to: string; text: string }[] };
  const code = /\b(\d{6})\b/.exec(outbox.items.find((m) => m.to === ADMIN_A_PHONE)!.text)![1];
  const verify = await fetch(`${base()}/api/v1/auth/otp/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ challengeId, code }),
  });
  const cookies = verify.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('csrf_token='))!.split('=')[1]!;
  return { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' };
}

async function api<T>(headers: Record<string, string>, path: string): Promise<T> {
  const res = await fetch(`${base()}${path}`, { headers });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Sent {
  key: string;
  body: { from: string; to: string; amount: string };
  /** The response the client saw before the crash, if any. */
  first?: { status: number; text: string };
}

describe('SIGKILL mid-load, restart, retry with the same Idempotency-Keys', () => {
  it('applies every transfer once and keeps the total', async () => {
    server = await start();
    const headers = await loginOverHttp();
    const companies = await api<{ items: { id: string; bin: string }[] }>(headers, '/api/v1/companies');
    const company = companies.items.find((c) => c.bin === BIN_LARGE)!.id;
    // 20 active numbers on the advance method, each with at least 100 ₸ of its own.
    const list = await api<{ items: { msisdn: string; billingMethod: string; availableFunds: { amount: string } }[] }>(
      headers,
      `/api/v1/companies/${company}/numbers?status=active&limit=200`,
    );
    const numbers = list.items
      .filter((n) => n.billingMethod === 'advance' && Number(n.availableFunds.amount) >= 100)
      .slice(0, 20)
      .map((n) => n.msisdn);
    expect(numbers).toHaveLength(20);
    const fundsOf = async () =>
      new Map(
        await Promise.all(
          numbers.map(async (m) => {
            const p = await api<{ availableFunds: { amount: string } }>(
              headers,
              `/api/v1/companies/${company}/numbers/${m}`,
            );
            return [m, toTiyn(p.availableFunds.amount)] as const;
          }),
        ),
      );
    const opening = await fundsOf();

    // Amounts of 0.01–2.00 ₸ so that every transfer fits: each must end up applied exactly once.
    const sent: Sent[] = Array.from({ length: REQUESTS }, (_, i) => {
      const from = numbers[i % 20]!;
      const to = numbers[(i + 1 + ((i * 7) % 19)) % 20]!;
      const tiyn = 1 + ((i * 37) % 200);
      return {
        key: `kill-${i}`,
        body: { from, to, amount: `${Math.floor(tiyn / 100)}.${String(tiyn % 100).padStart(2, '0')}` },
      };
    });
    const post = (s: Sent) =>
      fetch(`${base()}/api/v1/companies/${company}/balance-transfers`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': s.key },
        body: JSON.stringify(s.body),
      });

    let next = 0;
    let acknowledged = 0;
    let killed = false;
    const victim = server;
    const client = async () => {
      while (next < sent.length && !killed) {
        const s = sent[next++]!;
        try {
          const res = await post(s);
          s.first = { status: res.status, text: await res.text() };
          if (res.status === 201) acknowledged += 1;
          if (acknowledged >= KILL_AFTER && !killed) {
            killed = true;
            victim.kill('SIGKILL');
          }
        } catch {
          /* cut off by the crash: the client does not know whether it happened */
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await stopped(victim);
    expect(victim.signalCode).toBe('SIGKILL');
    const seenBefore = sent.filter((s) => s.first?.status === 201);
    const cutOff = sent.filter((s) => s.first === undefined && sent.indexOf(s) < next);
    console.log(
      `kill test (${kind}): ${seenBefore.length} acknowledged before SIGKILL, ${cutOff.length} cut off in flight, ` +
        `${sent.length - next} never sent`,
    );
    expect(seenBefore.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // Restart and retry every request with its key (the session survives: it lives in the database).
    server = await start();
    let cutOffCommitted = 0;
    for (const s of sent) {
      const wasCutOff = cutOff.includes(s);
      const res = await post(s);
      const text = await res.text();
      expect(res.status, text).toBe(201);
      if (wasCutOff && res.headers.get('idempotent-replayed') === 'true') cutOffCommitted += 1;
      // What a client saw before the crash is what it sees now: the same transfer, not a new one.
      if (s.first?.status === 201) expect(text).toBe(s.first.text);
      s.first ??= { status: res.status, text };
    }

    console.log(
      `kill test (${kind}): of the ${cutOff.length} cut off, ${cutOffCommitted} had committed (replayed on retry), ` +
        `${cutOff.length - cutOffCommitted} were applied by the retry`,
    );

    // Every key is exactly one transfer in the company's list.
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await api(
        headers,
        `/api/v1/companies/${company}/balance-transfers?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      listed.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const ids = sent.map((s) => JSON.parse(s.first!.text).id as string);
    expect(new Set(ids).size).toBe(REQUESTS);
    expect(listed.sort()).toEqual([...ids].sort());

    // Each number's funds moved by exactly the transfers, each counted once; the total is unchanged.
    const expected = new Map(opening);
    for (const s of sent) {
      const tiyn = toTiyn(s.body.amount);
      expected.set(s.body.from, expected.get(s.body.from)! - tiyn);
      expected.set(s.body.to, expected.get(s.body.to)! + tiyn);
    }
    const closing = await fundsOf();
    expect(closing).toEqual(expected);
    const sum = (m: Map<string, bigint>) => [...m.values()].reduce((a, b) => a + b, 0n);
    expect(sum(closing)).toBe(sum(opening));

    // The ledger: consistent, and each transfer is one transaction of two entries.
    server.kill('SIGTERM');
    await stopped(server);
    // A graceful stop ends cleanly: exit code 0, nothing thrown while closing (the database and its listeners).
    expect(server.exitCode, output).toBe(0);
    const check = db ?? (await openPglite(dataDir));
    try {
      expect(await checkLedger(check)).toMatchObject({ ok: true });
      const { rows } = await check.query<{ entries: string; n: string }>(
        `SELECT e.entries, count(*)::text AS n FROM (
           SELECT bt.id, count(le.id)::text AS entries FROM balance_transfers bt
             JOIN ledger_entries le ON le.transaction_id = bt.ledger_transaction_id GROUP BY bt.id) e
          GROUP BY e.entries`,
      );
      expect(rows).toEqual([{ entries: '2', n: String(REQUESTS) }]);
    } finally {
      if (!db) await check.close();
    }
  }, 300_000);
});

function toTiyn(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  const neg = whole!.startsWith('-');
  const v = BigInt(whole!.replace('-', '')) * 100n + BigInt(fraction.padEnd(2, '0'));
  return neg ? -v : v;
}
