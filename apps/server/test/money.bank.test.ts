import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { type Db, postgresDb } from '../src/db/client.js';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { fundsOf } from '../src/modules/billing/funds.js';
import { checkLedger } from '../src/modules/billing/ledger.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * F40, issue 5 — a bank test in the style of Jepsen's: concurrent clients move money among 50
 * numbers of one company through the API while readers watch the total. Afterwards the total is
 * unchanged, no balance is below what its credit allowance allows, every accepted transfer is
 * exactly two ledger entries, and each number's balance is its opening balance plus exactly the
 * transfers the clients saw accepted.
 *
 * PostgreSQL: 1,000 transfers from 20 clients, each with its own pooled connection. PGlite runs one
 * transaction at a time, so there the same test runs 200 transfers (still 20 concurrent clients).
 */
const CLIENTS = 20;
const ACCOUNTS = 50;

let t: TestApp;
let a: Session;
let large: string;
let app: FastifyInstance;
let pool: Db | undefined;
let numbers: string[];

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  const { rows } = await t.ctx.db.query<{ id: string }>('SELECT id FROM companies WHERE bin = $1', [BIN_LARGE]);
  large = rows[0]!.id;
  if (t.ctx.db.kind === 'postgres') {
    // A pool as large as the number of clients, so that 20 transactions really run at once.
    pool = postgresDb(t.ctx.config.DATABASE_URL!, CLIENTS + 2);
    app = (await buildApp({ ...t.ctx, db: pool })) as unknown as FastifyInstance;
    await app.ready();
  } else app = t.app;
  // 40 advance numbers (no credit: their balance may never go below zero) and 10 on credit.
  const pick = async (method: string, n: number) =>
    (
      await t.ctx.db.query<{ msisdn: string }>(
        `SELECT n.msisdn FROM numbers n JOIN personal_accounts pa ON pa.id = n.account_id
          JOIN ledger_accounts la ON la.number_id = n.id
          WHERE n.company_id = $1 AND n.status = 'active' AND pa.billing_method = $2 AND la.balance_tiyn > 0
          ORDER BY n.msisdn LIMIT $3`,
        [large, method, n],
      )
    ).rows.map((r) => r.msisdn);
  numbers = [...(await pick('advance', 40)), ...(await pick('credit', 10))];
});
afterAll(async () => {
  if (pool) {
    await app?.close();
    await pool.close();
  }
  await t?.close();
});

/** A tiny deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Outcome {
  from: string;
  to: string;
  tiyn: bigint;
  status: number;
  id?: string;
  code?: string;
}

async function balances(): Promise<Map<string, bigint>> {
  return new Map((await fundsOf(t.ctx.db, large, numbers)).map((f) => [f.msisdn, f.balance]));
}

async function companyTotal(db: Db = t.ctx.db): Promise<bigint> {
  const { rows } = await db.query<{ total: string }>(
    `SELECT coalesce(sum(la.balance_tiyn), 0)::text AS total
       FROM ledger_accounts la JOIN numbers n ON n.id = la.number_id WHERE n.company_id = $1`,
    [large],
  );
  return BigInt(rows[0]!.total);
}

describe('bank test: concurrent balance transfers never lose or create a tiyn', () => {
  it('keeps the total, the credit allowances and every acknowledged transfer', async () => {
    const total = t.ctx.db.kind === 'postgres' ? 1000 : 200;
    expect(numbers).toHaveLength(ACCOUNTS);
    const opening = await balances();
    const openingTotal = await companyTotal();
    const average = [...opening.values()].reduce((s, b) => s + b, 0n) / BigInt(ACCOUNTS);

    let issued = 0;
    const outcomes: Outcome[] = [];
    const client = async (c: number) => {
      const random = rng(1000 + c);
      while (issued < total) {
        issued += 1;
        const i = Math.floor(random() * ACCOUNTS);
        const j = (i + 1 + Math.floor(random() * (ACCOUNTS - 1))) % ACCOUNTS;
        // Amounts up to ~1.5× the average balance: many fit, some do not (refused, nothing moves).
        const tiyn = 1n + BigInt(Math.floor(random() * Number((average * 3n) / 2n)));
        const from = numbers[i]!;
        const to = numbers[j]!;
        const headers: Record<string, string> = { ...a.headers };
        if (random() < 0.5) headers['idempotency-key'] = `bank-${c}-${issued}`;
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/companies/${large}/balance-transfers`,
          headers,
          payload: { from, to, amount: `${tiyn / 100n}.${(tiyn % 100n).toString().padStart(2, '0')}` },
        });
        const body = res.json();
        outcomes.push({ from, to, tiyn, status: res.statusCode, id: body.id, code: body.error?.code });
      }
    };
    // Readers: the company's total, read while transfers run, is always the same.
    let running = true;
    const totalsSeen = new Set<string>();
    const reader = async () => {
      while (running) {
        totalsSeen.add((await companyTotal(pool ?? t.ctx.db)).toString());
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const readers = [reader(), reader()];
    const started = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const seconds = (Date.now() - started) / 1000;
    running = false;
    await Promise.all(readers);

    const accepted = outcomes.filter((o) => o.status === 201);
    const refused = outcomes.filter((o) => o.status !== 201);
    console.log(
      `bank test (${t.ctx.db.kind}): ${outcomes.length} transfers from ${CLIENTS} clients in ${seconds.toFixed(1)} s ` +
        `(${(outcomes.length / seconds).toFixed(0)}/s): ${accepted.length} accepted, ${refused.length} refused`,
    );
    expect(outcomes).toHaveLength(total);
    // The only refusal is insufficient funds: no deadlock, no serialization error, no 500.
    expect(new Set(refused.map((o) => `${o.status} ${o.code}`))).toEqual(
      refused.length ? new Set(['422 transfer_insufficient_funds']) : new Set(),
    );
    expect(accepted.length).toBeGreaterThan(total / 4);

    // 1. The total is unchanged, and every reader saw the same total.
    expect(await companyTotal()).toBe(openingTotal);
    expect([...totalsSeen]).toEqual([openingTotal.toString()]);

    // 2. No balance is below what its credit allowance allows.
    for (const f of await fundsOf(t.ctx.db, large, numbers)) {
      expect(f.available, `${f.msisdn} available`).toBeGreaterThanOrEqual(0n);
      if (f.billingMethod === 'advance') expect(f.balance).toBeGreaterThanOrEqual(0n);
    }

    // 3. Each accepted transfer is one transaction of exactly two entries: −amount from, +amount to.
    const { rows } = await t.ctx.db.query<{ id: string; entries: string; debit: string; credit: string; sum: string }>(
      `SELECT bt.id, count(e.id)::text AS entries,
              sum(CASE WHEN la.number_id = bt.from_number_id THEN e.amount_tiyn END)::text AS debit,
              sum(CASE WHEN la.number_id = bt.to_number_id THEN e.amount_tiyn END)::text AS credit,
              sum(e.amount_tiyn)::text AS sum
         FROM balance_transfers bt
         JOIN ledger_entries e ON e.transaction_id = bt.ledger_transaction_id
         JOIN ledger_accounts la ON la.id = e.account_id
        WHERE bt.company_id = $1
        GROUP BY bt.id`,
      [large],
    );
    const stored = new Map(rows.map((r) => [r.id, r]));
    expect(stored.size).toBe(accepted.length);
    for (const o of accepted) {
      const r = stored.get(o.id!);
      expect(r, `transfer ${o.id}`).toMatchObject({
        entries: '2',
        debit: (-o.tiyn).toString(),
        credit: o.tiyn.toString(),
        sum: '0',
      });
    }

    // 4. Every number's balance is its opening balance plus exactly the acknowledged transfers.
    const expected = new Map(opening);
    for (const o of accepted) {
      expected.set(o.from, expected.get(o.from)! - o.tiyn);
      expected.set(o.to, expected.get(o.to)! + o.tiyn);
    }
    expect(await balances()).toEqual(expected);

    // 5. The whole ledger is still consistent.
    const check = await checkLedger(t.ctx.db);
    expect(check).toMatchObject({ ok: true, accountMismatches: [], unbalancedTransactions: [] });
  }, 300_000);
});
