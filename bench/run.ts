/**
 * npm run bench — each measurement beside its floor in the same run (ratios, not absolute times).
 * Database: BENCH_DATABASE_URL, else DATABASE_URL, else a `portal_bench` database on the local
 * PostgreSQL server when one answers (through its Unix socket when there is one), else embedded PGlite under
 * ./data-bench.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { AppContext } from '../apps/server/src/context.js';
import { ADMIN_A_PHONE, DEMO_PASSWORD } from '../apps/server/src/db/demo-data/constants.js';
import { seedLargeCompany } from '../apps/server/src/db/demo-data/seed-large.js';
import { findNumber, listNumbers } from '../apps/server/src/modules/numbers/numbers.repository.js';
import { openContext } from '../apps/server/src/runtime.js';
import { startApiProcess } from './api-process.js';
import { printTable, type Row, timePair } from './lib.js';
import { benchNumbersLoad } from './numbers-load.js';
import { benchReports } from './reports.js';
import { benchTransfers } from './transfers.js';
import { benchWebInteractive } from './web-interactive.js';

const NUMBERS = Number(process.env.BENCH_NUMBERS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP_ROUNDS = 100;
/** BENCH_ONLY=lists,load,transfers,reports,web runs just those parts (all when unset): for iterating on one target. */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'lists,load,transfers,reports,web').split(',').map((s) => s.trim()));
const SOCKET_DIR = '/var/run/postgresql';
const here = dirname(fileURLToPath(import.meta.url));

async function pickDatabase(): Promise<{ url?: string; label: string }> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given, label: 'PostgreSQL (configured)' };
  const server = 'postgres://postgres@127.0.0.1:5432/postgres';
  try {
    const c = new pg.Client({ connectionString: server, connectionTimeoutMillis: 2000 });
    await c.connect();
    const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = 'portal_bench'");
    if (exists.rowCount === 0) await c.query('CREATE DATABASE portal_bench');
    await c.end();
    // On one machine the API reaches PostgreSQL through its Unix socket when there is one, as a deployment on one
    // host would: no TCP stack per query (measured: ≈20% more requests/s under load, p99 48 → 38 ms).
    if (existsSync(`${SOCKET_DIR}/.s.PGSQL.5432`)) {
      const url = `postgres://postgres@localhost/portal_bench?host=${SOCKET_DIR}`;
      try {
        const s = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
        await s.connect();
        await s.end();
        return { url, label: `PostgreSQL portal_bench over the Unix socket in ${SOCKET_DIR}` };
      } catch {
        /* no access to the socket: TCP below */
      }
    }
    return { url: 'postgres://postgres@127.0.0.1:5432/portal_bench', label: 'PostgreSQL 127.0.0.1:5432/portal_bench' };
  } catch {
    return { label: 'embedded PGlite (./data-bench)' };
  }
}

/** The API under test: its own process on PostgreSQL (as deployed), this process on PGlite (one process per data directory). */
async function startApi(ctx: AppContext, databaseUrl: string | undefined) {
  if (databaseUrl) {
    const api = await startApiProcess(databaseUrl);
    return { ...api, label: `own process (src/server.ts) at ${api.base}` };
  }
  const app = await buildApp(ctx, { serveWeb: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return { base: `http://127.0.0.1:${port}`, stop: () => app.close(), label: 'in the bench process (PGlite)' };
}

async function main() {
  const target = await pickDatabase();
  console.log(`database: ${target.label}; company size: ${NUMBERS} numbers; ${ITERATIONS} iterations each`);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: target.url,
    DATA_DIR: process.env.DATA_DIR ?? './data-bench',
    LOG_LEVEL: 'silent',
    PORT: '0',
  });
  const openStarted = Date.now();
  const ctx = await openContext(config, { seed: true });
  // The first start's cost (migrations + demo data) is measured here, not asserted in a timed test.
  console.log(`open + migrate${ctx.seeded ? ' + demo data' : ''}: ${((Date.now() - openStarted) / 1000).toFixed(1)} s`);
  const t0 = Date.now();
  const { companyId, created } = await seedLargeCompany(ctx.db, {
    numbers: NUMBERS,
    usagePerNumber: 0,
    secretsKey: ctx.secretsKey,
  });
  console.log(`large company ${created ? 'created' : 'reused'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const api = await startApi(ctx, target.url);
  const { base } = api;
  console.log(`API: ${api.label}`);

  // Log in as administrator A through the API, reading the code from the outbox. The bench logs in once per run,
  // so runs in a row would reach the hourly limit on codes sent (F01): this database's counter for A is cleared.
  await ctx.db.query('DELETE FROM rate_limits WHERE key = $1', [`otp-send:${ADMIN_A_PHONE}`]);
  const login = (await (
    await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: ADMIN_A_PHONE, password: DEMO_PASSWORD }),
    })
  ).json()) as { challengeId: string };
  const { rows } = await ctx.db.query<{ body: string }>(
    'SELECT body FROM outbox_messages WHERE recipient = $1 ORDER BY id DESC LIMIT 1',
    [ADMIN_A_PHONE],
  );
  const code = /\b(\d{6})\b/.exec(rows[0]!.body)![1];
  const verify = await fetch(`${base}/api/v1/auth/otp/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ challengeId: login.challengeId, code }),
  });
  if (verify.status !== 200) throw new Error(`bench login: ${verify.status} ${await verify.text()}`);
  const cookie = verify.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  const mid = (
    await ctx.db.query<{ msisdn: string }>(
      'SELECT msisdn FROM numbers WHERE company_id = $1 ORDER BY msisdn OFFSET $2 LIMIT 1',
      [companyId, Math.floor(NUMBERS / 2)],
    )
  ).rows[0]!.msisdn;
  const cursor = Buffer.from(JSON.stringify({ m: mid })).toString('base64url');
  const fragment = mid.slice(5, 9);

  const cases: ListCase[] = [
    { name: 'numbers: first page of 50', query: 'limit=50', filter: { companyId, limit: 51 } },
    {
      name: 'numbers: page of 50 mid-company (cursor)',
      query: `limit=50&cursor=${cursor}`,
      filter: { companyId, limit: 51, after: mid },
    },
    {
      name: `numbers: search "${fragment}"`,
      query: `limit=50&q=${fragment}`,
      filter: { companyId, limit: 51, fragment },
    },
    {
      name: 'numbers: status=blocked',
      query: 'limit=50&status=blocked',
      filter: { companyId, limit: 51, status: 'blocked' },
    },
  ];
  const results: Row[] = [];
  if (ONLY.has('lists')) results.push(...(await benchLists({ base, cookie, ctx, companyId, mid, cases })));
  const sample = (
    await ctx.db.query<{ msisdn: string }>(
      'SELECT msisdn FROM numbers WHERE company_id = $1 ORDER BY msisdn OFFSET $2 LIMIT 20',
      [companyId, Math.floor(NUMBERS / 3)],
    )
  ).rows.map((r) => r.msisdn);
  if (ONLY.has('load')) results.push(...(await benchNumbersLoad({ ctx, base, companyId, msisdns: sample, fragment })));
  if (ONLY.has('transfers')) results.push(...(await benchTransfers({ ctx, base, cookie, companyId })));
  if (ONLY.has('reports'))
    results.push(...(await benchReports({ ctx, companyId, numbers: NUMBERS, databaseUrl: target.url })));
  if (ONLY.has('web')) results.push(...(await benchWebInteractive({ base, cookie })));
  printTable(results);
  mkdirSync(join(here, 'results'), { recursive: true });
  const file = join(here, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ database: target.label, numbers: NUMBERS, results }, null, 2));
  console.log(`results: ${file}`);
  await api.stop();
  await ctx.db.close();
}

type ListCase = { name: string; query: string; filter: Parameters<typeof listNumbers>[1] };

/** The numbers list cases and the number profile through the API, each alternating with its SQL run directly. */
async function benchLists(o: {
  base: string;
  cookie: string;
  ctx: AppContext;
  companyId: string;
  mid: string;
  cases: ListCase[];
}): Promise<Row[]> {
  const { base, cookie, ctx, companyId, mid, cases } = o;
  const results: Row[] = [];
  // Warm-up over every case first: the API's code paths get compiled and each pool connection has its statements
  // prepared before anything is timed (measured alone, the first case paid for that and read ~30% slower).
  for (let i = 0; i < WARMUP_ROUNDS; i++) {
    for (const c of cases) {
      const res = await fetch(`${base}/api/v1/companies/${companyId}/numbers?${c.query}`, { headers: { cookie } });
      await res.arrayBuffer();
    }
    await (await fetch(`${base}/api/v1/companies/${companyId}/numbers/${mid}`, { headers: { cookie } })).arrayBuffer();
  }
  // Each case's API call and its SQL alternate (bench/lib.ts timePair), so both see the machine at the same moment.
  for (const c of cases) {
    const { subject: api, floor: sql } = await timePair(
      async () => {
        const res = await fetch(`${base}/api/v1/companies/${companyId}/numbers?${c.query}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${c.name}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      },
      () => listNumbers(ctx.db, c.filter),
      ITERATIONS,
    );
    const limit = 2 * sql.p50 + 2;
    results.push({
      benchmark: c.name,
      subject: 'API over HTTP',
      floor: 'same SQL, direct',
      subjectP50: api.p50,
      floorP50: sql.p50,
      ratio: api.p50 / sql.p50,
      target: `≤ 2×floor+2ms (${limit.toFixed(2)})`,
      pass: api.p50 <= limit,
    });
  }
  // Number profile (F11–F13): the API beside the same query run directly.
  const { subject: profileApi, floor: profileSql } = await timePair(
    async () => {
      const res = await fetch(`${base}/api/v1/companies/${companyId}/numbers/${mid}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`profile: ${res.status}`);
      await res.arrayBuffer();
    },
    () => findNumber(ctx.db, companyId, mid),
    ITERATIONS,
  );
  const profileLimit = 2 * profileSql.p50 + 2;
  results.push({
    benchmark: 'number profile',
    subject: 'API over HTTP',
    floor: 'same SQL, direct',
    subjectP50: profileApi.p50,
    floorP50: profileSql.p50,
    ratio: profileApi.p50 / profileSql.p50,
    target: `≤ 2×floor+2ms (${profileLimit.toFixed(2)})`,
    pass: profileApi.p50 <= profileLimit,
  });
  return results;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
