/**
 * Usage records generated inside the database (INSERT ... SELECT over generate_series), with
 * every value derived from a per-record integer key by multiplicative hashing: deterministic
 * and fast, no rows travel from Node.
 */
import type { Queryable } from '../client.js';
import { monthStart } from './time.js';

/**
 * The usage columns computed from `src` (a query yielding company_id, number_id, k bigint,
 * start timestamptz, span int): the record falls `mod(h1, span)` seconds after `start`.
 */
function usageInsertSql(src: string): string {
  // h = (k mod P) * A + C mod P with P < 2^32 and A < 2^31 stays inside bigint.
  const hash = (a: number, c: number) => `mod(mod(k, 4294967291) * ${a} + ${c}, 4294967291)`;
  return `
    INSERT INTO usage_records
      (company_id, number_id, occurred_at, type, direction, other_party, duration_seconds, volume_kb, cost_tiyn)
    SELECT company_id, number_id, occurred_at, type, direction,
      CASE WHEN type = 'data' THEN 'internet' ELSE other_party END,
      CASE WHEN type = 'call' THEN duration END,
      CASE WHEN type = 'data' THEN volume END,
      CASE
        WHEN direction = 'incoming' THEN 0
        WHEN type = 'call' AND prefix IN ('701', '702', '775', '778') THEN 0
        WHEN type = 'call' AND prefix = '727' THEN ceil(duration / 60.0)::bigint * 1000
        WHEN type = 'call' THEN ceil(duration / 60.0)::bigint * 1500
        WHEN type = 'sms' THEN 1000
        WHEN mod(h3, 4) = 0 THEN ceil(volume / 1024.0)::bigint * 100
        ELSE 0
      END
    FROM (
      SELECT company_id, number_id, h3, start + mod(h1, span) * interval '1 second' AS occurred_at,
        CASE WHEN mod(h2, 100) < 55 THEN 'call' WHEN mod(h2, 100) < 78 THEN 'sms' ELSE 'data' END AS type,
        CASE WHEN mod(h2, 100) >= 78 OR mod(h3, 100) < 60 THEN 'outgoing' ELSE 'incoming' END AS direction,
        prefix,
        '7' || prefix || lpad(mod(h5, 10000000)::text, 7, '0') AS other_party,
        (5 + mod(h5 / 7, 300) + CASE WHEN mod(h1, 10) = 0 THEN mod(h4, 1800) ELSE 0 END)::int AS duration,
        64 + mod(h4, 120000) AS volume
      FROM (
        SELECT company_id, number_id, start, span, h1, h2, h3, h4, h5,
          (ARRAY['701', '702', '775', '778', '701', '705', '707', '747', '771', '777', '727'])[
            1 + mod(h4, CASE WHEN mod(h2, 100) BETWEEN 55 AND 77 THEN 10 ELSE 11 END)] AS prefix
        FROM (
          SELECT company_id, number_id, start, span,
            ${hash(1597334677, 7)} AS h1, ${hash(2038074743, 11)} AS h2, ${hash(1103515245, 13)} AS h3,
            ${hash(1140671485, 17)} AS h4, ${hash(1013904223, 19)} AS h5
          FROM (${src}) AS src
        ) AS hashed
      ) AS with_prefix
    ) AS u`;
}

/**
 * Creates the monthly usage partitions covering the instants `from` to `to` if missing. The
 * partitions are bounded in UTC (the migration's dates), so an Almaty month start lands in the
 * previous UTC month.
 */
export async function ensureUsagePartitions(q: Queryable, from: Date, to: Date): Promise<void> {
  await q.query(
    `SELECT ensure_usage_partition(m::date)
       FROM generate_series($1::date, $2::date, interval '1 month') AS m`,
    [`${from.toISOString().slice(0, 7)}-01`, `${to.toISOString().slice(0, 7)}-01`],
  );
}

export interface UsageNumber {
  id: string;
  company_id: string;
  /** Distinct per number; the record keys derive from it. */
  seed: number;
}

interface UsageMonth {
  idx: number;
  start: string;
  /** Seconds of the month covered (the current month only up to now). */
  span: number;
  full_span: number;
}

/**
 * About 30–60 records per number per month from `from` (a month start) up to `now`; the
 * current month gets its share so far.
 */
export async function insertDemoUsage(
  q: Queryable,
  numbers: readonly UsageNumber[],
  from: Date,
  now: Date,
): Promise<number> {
  const months: UsageMonth[] = [];
  for (let idx = 0; ; idx++) {
    const start = monthStart(from, idx);
    if (start >= now) break;
    const end = monthStart(from, idx + 1);
    const fullSpan = Math.floor((end.getTime() - start.getTime()) / 1000);
    const span = Math.floor((Math.min(end.getTime(), now.getTime()) - start.getTime()) / 1000);
    if (span > 0) months.push({ idx, start: start.toISOString(), span, full_span: fullSpan });
  }
  await ensureUsagePartitions(q, from, now);
  const src = `
    SELECT n.company_id, n.id AS number_id, m.start, m.span, (n.seed * 100 + m.idx) * 100 + g.i AS k
    FROM json_to_recordset($1::json) AS n(id uuid, company_id uuid, seed bigint)
    CROSS JOIN json_to_recordset($2::json) AS m(idx int, start timestamptz, span int, full_span int)
    CROSS JOIN LATERAL generate_series(1,
      greatest(1, (30 + mod((n.seed * 100 + m.idx) * 2654435761, 31)) * m.span / m.full_span)::int) AS g(i)`;
  let inserted = 0;
  for (let i = 0; i < numbers.length; i += 500) {
    const batch = numbers.slice(i, i + 500);
    const r = await q.query(usageInsertSql(src), [JSON.stringify(batch), JSON.stringify(months)]);
    inserted += r.rowCount;
  }
  return inserted;
}

/**
 * `perNumber` records for each number of a company whose msisdn lies in [fromMsisdn, toMsisdn],
 * spread over the 13 months before `now`. The record key derives from the msisdn's last 6 digits.
 */
export async function insertBenchUsage(
  q: Queryable,
  args: { companyId: string; fromMsisdn: string; toMsisdn: string; perNumber: number; now: Date },
): Promise<number> {
  const start = monthStart(args.now, -12);
  const span = Math.floor((args.now.getTime() - start.getTime()) / 1000);
  await ensureUsagePartitions(q, start, args.now);
  const src = `
    SELECT n.company_id, n.id AS number_id, $3::timestamptz AS start, $4::int AS span,
      substr(n.msisdn, 6)::bigint * 10000 + g.i AS k
    FROM numbers n CROSS JOIN generate_series(1, $5::int) AS g(i)
    WHERE n.company_id = $6 AND n.msisdn BETWEEN $1 AND $2`;
  const r = await q.query(usageInsertSql(src), [
    args.fromMsisdn,
    args.toMsisdn,
    start.toISOString(),
    span,
    args.perNumber,
    args.companyId,
  ]);
  return r.rowCount;
}

export type MonthlyUsageCosts = Map<string, Map<string, { call: number; sms: number; data: number }>>;

/** Usage cost per number, Almaty month and type since `from` (for the invoice lines). */
export async function monthlyUsageCosts(
  q: Queryable,
  numberIds: readonly string[],
  from: Date,
): Promise<MonthlyUsageCosts> {
  const { rows } = await q.query<{ number_id: string; month: string; type: 'call' | 'sms' | 'data'; cost: string }>(
    `SELECT number_id, to_char((occurred_at AT TIME ZONE 'UTC') + interval '5 hours', 'YYYY-MM') AS month, type,
            sum(cost_tiyn)::bigint AS cost
       FROM usage_records
      WHERE number_id = ANY($1::uuid[]) AND occurred_at >= $2
      GROUP BY 1, 2, 3`,
    [numberIds, from.toISOString()],
  );
  const result: MonthlyUsageCosts = new Map();
  for (const r of rows) {
    const months = result.get(r.number_id) ?? new Map<string, { call: number; sms: number; data: number }>();
    const costs = months.get(r.month) ?? { call: 0, sms: 0, data: 0 };
    costs[r.type] = Number(r.cost);
    months.set(r.month, costs);
    result.set(r.number_id, months);
  }
  return result;
}
