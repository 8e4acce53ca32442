/**
 * Concurrent balance transfers (F40): transfers/s through the API under 20 concurrent clients,
 * beside a floor of the same concurrency doing only the bare minimum a transfer needs — a pair of
 * single-row UPDATEs in one transaction, in id order — on a scratch copy of the same accounts
 * (the real ledger is never touched behind its back). The company's money total and the ledger's
 * invariants are checked after.
 */
import type { AppContext } from '../apps/server/src/context.js';
import { checkLedger } from '../apps/server/src/modules/billing/ledger.js';
import { type Row, summarize } from './lib.js';

const CLIENTS = Number(process.env.BENCH_TRANSFER_CLIENTS ?? 20);
const TRANSFERS = Number(process.env.BENCH_TRANSFERS ?? 2000);
const ACCOUNTS = 50;

interface Options {
  ctx: AppContext;
  base: string;
  cookie: string;
  companyId: string;
}

async function companyTotal(ctx: AppContext, companyId: string): Promise<bigint> {
  const { rows } = await ctx.db.query<{ total: string }>(
    `SELECT coalesce(sum(la.balance_tiyn), 0)::text AS total
       FROM ledger_accounts la JOIN numbers n ON n.id = la.number_id WHERE n.company_id = $1`,
    [companyId],
  );
  return BigInt(rows[0]?.total ?? 0);
}

/** Runs `total` operations from `clients` concurrent loops; returns latencies (ms) and the wall time (s). */
async function load(total: number, clients: number, op: (i: number) => Promise<void>) {
  let next = 0;
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        await op(i);
        samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { ...summarize(samples), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export async function benchTransfers({ ctx, base, cookie, companyId }: Options): Promise<Row[]> {
  const csrf = /(?:^|;\s*)csrf_token=([^;]+)/.exec(cookie)?.[1] ?? '';
  const { rows } = await ctx.db.query<{ msisdn: string; account_id: string; balance_tiyn: string }>(
    `SELECT n.msisdn, la.id AS account_id, la.balance_tiyn::text AS balance_tiyn
       FROM numbers n JOIN ledger_accounts la ON la.number_id = n.id
      WHERE n.company_id = $1 AND n.status = 'active'
      ORDER BY n.msisdn LIMIT ${ACCOUNTS}`,
    [companyId],
  );
  const numbers = rows.map((r) => r.msisdn);
  const pair = (i: number): [number, number] => {
    const from = (i * 7) % numbers.length;
    return [from, (from + 1 + ((i * 13) % (numbers.length - 1))) % numbers.length];
  };
  const totalBefore = await companyTotal(ctx, companyId);

  // Subject: POST /balance-transfers over HTTP, amounts 0.01–1.00 ₸ (they all fit).
  let refused = 0;
  const transfer = async (i: number) => {
    const [f, t] = pair(i);
    const tiyn = 1 + (i % 100);
    const res = await fetch(`${base}/api/v1/companies/${companyId}/balance-transfers`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrf,
        'content-type': 'application/json',
        'idempotency-key': `bench-${Date.now()}-${i}`,
      },
      body: JSON.stringify({
        from: numbers[f],
        to: numbers[t],
        amount: `${Math.floor(tiyn / 100)}.${String(tiyn % 100).padStart(2, '0')}`,
      }),
    });
    if (res.status !== 201) refused += 1;
    await res.arrayBuffer();
  };
  await load(Math.min(100, TRANSFERS), CLIENTS, transfer); // warm-up
  const api = await load(TRANSFERS, CLIENTS, transfer);

  // Floor: the same accounts copied to a scratch table; per transfer, two single-row UPDATEs in id order.
  await ctx.db.query('DROP TABLE IF EXISTS bench_transfer_floor');
  await ctx.db.query(
    `CREATE TABLE bench_transfer_floor AS
       SELECT la.id, la.balance_tiyn FROM ledger_accounts la WHERE la.id = ANY($1::uuid[])`,
    [rows.map((r) => r.account_id)],
  );
  await ctx.db.query('ALTER TABLE bench_transfer_floor ADD PRIMARY KEY (id)');
  const ids = rows.map((r) => r.account_id);
  const bare = async (i: number) => {
    const [f, t] = pair(i);
    const tiyn = 1 + (i % 100);
    const moves: [string, number][] = [
      [ids[f] as string, -tiyn],
      [ids[t] as string, tiyn],
    ];
    moves.sort((x, y) => (x[0] < y[0] ? -1 : 1));
    await ctx.db.transaction(async (tx) => {
      for (const [id, delta] of moves) {
        await tx.query('UPDATE bench_transfer_floor SET balance_tiyn = balance_tiyn + $2 WHERE id = $1', [id, delta]);
      }
    });
  };
  await load(Math.min(100, TRANSFERS), CLIENTS, bare);
  const floor = await load(TRANSFERS, CLIENTS, bare);
  await ctx.db.query('DROP TABLE bench_transfer_floor');

  const totalAfter = await companyTotal(ctx, companyId);
  const check = await checkLedger(ctx.db);
  const apiRate = TRANSFERS / api.seconds;
  const floorRate = TRANSFERS / floor.seconds;
  const unchanged = totalAfter === totalBefore;
  console.log(
    `transfers: ${CLIENTS} clients × ${TRANSFERS}: API ${apiRate.toFixed(0)}/s (p50 ${api.p50.toFixed(2)} ms, ` +
      `p99 ${api.p99.toFixed(2)} ms, ${refused} refused), floor ${floorRate.toFixed(0)}/s; company total ` +
      `${unchanged ? 'unchanged' : `CHANGED ${totalBefore} → ${totalAfter}`}; ledger check ${check.ok ? 'ok' : 'FAILED'}`,
  );
  return [
    {
      benchmark: `transfers: ${CLIENTS} clients, ${apiRate.toFixed(0)}/s vs floor ${floorRate.toFixed(0)}/s, total ${unchanged ? 'unchanged' : 'CHANGED'}`,
      subject: 'POST balance-transfers over HTTP',
      floor: 'UPDATE pair in a transaction',
      subjectP50: api.p50,
      floorP50: floor.p50,
      ratio: floorRate / apiRate,
      target: 'total unchanged, ledger ok, 0 refused',
      pass: unchanged && check.ok && refused === 0,
    },
  ];
}
