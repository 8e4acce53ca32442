/**
 * Report generation (F19, issue 7): usage details of BENCH_REPORT_ROWS (default 1,000,000) usage
 * records through the real report job — claim, rows streamed from the database in batches into the
 * XLSX writer, file stored on the request, request completed — timed (rows/s) with its peak memory,
 * beside `COPY (the same SELECT) TO STDOUT` of the same rows. Target: ≥ 100,000 rows/s and peak
 * RSS < 300 MB. Each is measured BENCH_REPORT_RUNS times (default 3), alternating; the median run counts.
 *
 * On PostgreSQL the job runs in a child process of its own, so that its peak RSS (getrusage
 * maxrss) is the report's and not the benchmark's; on PGlite (one process per data directory) it
 * runs in this process and its RSS is sampled. The usage is seeded by seedLargeCompany: USAGE_NUMBERS
 * more numbers of the bench company, BENCH_REPORT_ROWS / USAGE_NUMBERS records each, over 13 months.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { loadConfig } from '../apps/server/src/config.js';
import type { AppContext } from '../apps/server/src/context.js';
import { ADMIN_A_PHONE } from '../apps/server/src/db/demo-data/constants.js';
import { seedLargeCompany } from '../apps/server/src/db/demo-data/seed-large.js';
import { ReportRunner, reportRunnerOptions } from '../apps/server/src/modules/reports/report-jobs.js';
import { insertReportRequest } from '../apps/server/src/modules/reports/report-requests.js';
import { openContext } from '../apps/server/src/runtime.js';
import type { Row } from './lib.js';

const ROWS = Number(process.env.BENCH_REPORT_ROWS ?? 1_000_000);
const USAGE_NUMBERS = 1000;
const TARGET_ROWS_PER_S = 100_000;
const RUNS = Math.max(1, Number(process.env.BENCH_REPORT_RUNS ?? 3));
const TARGET_RSS_MB = 300;

interface Options {
  ctx: AppContext;
  companyId: string;
  /** Numbers the bench company has before the usage numbers are added. */
  numbers: number;
  databaseUrl?: string;
}

export interface JobMeasurement {
  rows: number;
  ms: number;
  peakRssMb: number;
  bytes: number;
}

/** The period that holds all the seeded usage, and its row count. */
async function usageSpan(ctx: AppContext, companyId: string) {
  const { rows } = await ctx.db.query<{ first: Date; last: Date; n: string }>(
    'SELECT min(occurred_at) AS first, max(occurred_at) AS last, count(*) AS n FROM usage_records WHERE company_id = $1',
    [companyId],
  );
  const r = rows[0]!;
  return { first: new Date(r.first), last: new Date(r.last), count: Number(r.n) };
}

const day = (d: Date, deltaDays: number) => new Date(d.getTime() + deltaDays * 86_400_000).toISOString().slice(0, 10);

/** Runs the real report job for a company-wide usage report of the period; returns the request id. */
async function runJob(ctx: AppContext, companyId: string, from: string, to: string): Promise<JobMeasurement> {
  const { rows } = await ctx.db.query<{ id: string }>('SELECT id FROM administrators WHERE phone = $1', [
    ADMIN_A_PHONE,
  ]);
  const id = await ctx.db.transaction((tx) =>
    insertReportRequest(tx, {
      companyId,
      administratorId: rows[0]!.id,
      numberId: null, // every number of the company
      kind: 'report_usage',
      params: { type: 'usage', from, to, output: 'file', email: null, language: 'ru' },
    }),
  );
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = process.hrtime.bigint();
  await new ReportRunner(ctx, reportRunnerOptions(ctx)).run(id);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  const { rows: done } = await ctx.db.query<{ status: string; result: { data: { rows: number; size: number } } }>(
    'SELECT status, result FROM requests WHERE id = $1',
    [id],
  );
  if (done[0]?.status !== 'succeeded') throw new Error(`the report job did not succeed: ${JSON.stringify(done[0])}`);
  await ctx.db.query('UPDATE requests SET file_content = NULL WHERE id = $1', [id]); // keep the bench database small
  const maxRss = process.resourceUsage().maxRSS * 1024;
  return {
    rows: done[0].result.data.rows,
    ms,
    peakRssMb: Math.max(peak, maxRss) / 1024 / 1024,
    bytes: done[0].result.data.size,
  };
}

/** `COPY (the report's SELECT) TO STDOUT`: the floor of reading the same rows out of the database. */
async function copyFloor(ctx: AppContext, companyId: string, from: Date, to: Date, databaseUrl?: string) {
  const sql = `COPY (SELECT u.id, u.occurred_at, u.type, u.direction, u.other_party, u.duration_seconds, u.volume_kb, u.cost_tiyn
      FROM usage_records u WHERE u.company_id = '${companyId}'
       AND u.occurred_at >= '${from.toISOString()}' AND u.occurred_at < '${to.toISOString()}'
     ORDER BY u.occurred_at, u.id) TO STDOUT`;
  const started = process.hrtime.bigint();
  let bytes = 0;
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const stream = client.query(copyTo(sql));
      for await (const chunk of stream) bytes += (chunk as Buffer).length;
    } finally {
      await client.end();
    }
  } else {
    const pglite = ctx.db.pglite!;
    const r = await pglite.query(sql.replace('TO STDOUT', "TO '/dev/blob'"));
    bytes = r.blob?.size ?? 0;
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes };
}

/** The job in a child process of its own (PostgreSQL), started like `npm run worker`: its maxrss is the report's alone. */
function runJobInChild(databaseUrl: string, companyId: string, from: string, to: string): Promise<JobMeasurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], {
      env: {
        ...process.env,
        BENCH_CHILD_DATABASE_URL: databaseUrl,
        BENCH_CHILD_COMPANY: companyId,
        BENCH_CHILD_FROM: from,
        BENCH_CHILD_TO: to,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as JobMeasurement);
      else reject(new Error(`report child exited ${code}: ${out}`));
    });
  });
}

export async function benchReports(options: Options): Promise<Row[]> {
  const { ctx, companyId } = options;
  const perNumber = Math.ceil(ROWS / USAGE_NUMBERS);
  const t0 = Date.now();
  const seeded = await seedLargeCompany(ctx.db, {
    numbers: options.numbers + USAGE_NUMBERS,
    usagePerNumber: perNumber,
    secretsKey: ctx.secretsKey,
  });
  const span = await usageSpan(ctx, companyId);
  console.log(
    `usage for the report bench ${seeded.created ? 'created' : 'reused'} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ` +
      `${span.count.toLocaleString('en')} records`,
  );
  // Whole Almaty days around the records (the report's dates are inclusive).
  const from = day(span.first, -1);
  const to = day(span.last, 1);
  const fromInstant = new Date(`${from}T00:00:00+05:00`);
  const toInstant = new Date(new Date(`${to}T00:00:00+05:00`).getTime() + 86_400_000);

  // Each measured RUNS times, alternating, the median kept: one run on these shared machines varies by ±20 %.
  const floors: { ms: number; bytes: number }[] = [];
  const jobs: JobMeasurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    floors.push(await copyFloor(ctx, companyId, fromInstant, toInstant, options.databaseUrl));
    jobs.push(
      options.databaseUrl
        ? await runJobInChild(options.databaseUrl, companyId, from, to)
        : await runJob(ctx, companyId, from, to),
    );
  }
  const byTime = <T extends { ms: number }>(list: T[]) => [...list].sort((a, b) => a.ms - b.ms);
  const floor = byTime(floors)[Math.floor(RUNS / 2)] as { ms: number; bytes: number };
  const median = byTime(jobs)[Math.floor(RUNS / 2)] as JobMeasurement;
  // The median run's time; the highest peak of all runs.
  const job = { ...median, peakRssMb: Math.max(...jobs.map((j) => j.peakRssMb)) };
  const rowsPerS = (job.rows / job.ms) * 1000;
  const floorPerS = (job.rows / floor.ms) * 1000;
  const each = jobs.map((j) => `${Math.round(((j.rows / j.ms) * 1000) / 1000)}k`).join(', ');
  console.log(
    `report: ${job.rows.toLocaleString('en')} rows → XLSX ${(job.bytes / 1e6).toFixed(1)} MB in ${(job.ms / 1000).toFixed(2)} s ` +
      `= ${Math.round(rowsPerS).toLocaleString('en')} rows/s (median of ${RUNS}: ${each}), peak RSS ${job.peakRssMb.toFixed(0)} MB` +
      `${options.databaseUrl ? ' (own process)' : ' (bench process)'}; COPY TO STDOUT ${(floor.bytes / 1e6).toFixed(1)} MB ` +
      `in ${(floor.ms / 1000).toFixed(2)} s = ${Math.round(floorPerS).toLocaleString('en')} rows/s`,
  );
  return [
    {
      benchmark: `report: usage details → XLSX (${job.rows.toLocaleString('en')} rows)`,
      subject: 'report job: DB batches → XLSX → stored on the request',
      floor: 'COPY (same SELECT) TO STDOUT',
      subjectP50: job.ms,
      floorP50: floor.ms,
      ratio: job.ms / floor.ms,
      target: `≥ ${TARGET_ROWS_PER_S / 1000}k rows/s (${Math.round(rowsPerS / 1000)}k), RSS < ${TARGET_RSS_MB} MB (${job.peakRssMb.toFixed(0)})`,
      pass: jobs.every((j) => j.rows === span.count) && rowsPerS >= TARGET_ROWS_PER_S && job.peakRssMb < TARGET_RSS_MB,
    },
  ];
}

// The child process of runJobInChild.
if (process.argv.includes('--child')) {
  const env = process.env;
  const config = loadConfig({ ...env, DATABASE_URL: env.BENCH_CHILD_DATABASE_URL, LOG_LEVEL: 'silent' });
  const ctx = await openContext(config, { seed: false });
  const result = await runJob(ctx, env.BENCH_CHILD_COMPANY!, env.BENCH_CHILD_FROM!, env.BENCH_CHILD_TO!);
  await ctx.db.close();
  console.log(JSON.stringify(result));
  process.exit(0);
}
