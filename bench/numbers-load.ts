/**
 * Issue 4's load target: p99 under 50 ms for the numbers list (status filter, search) and the
 * number profile with 50 concurrent sessions, measured with autocannon over HTTP.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import type { AppContext } from '../apps/server/src/context.js';
import { ADMIN_A_PHONE } from '../apps/server/src/db/demo-data/constants.js';
import { sha256 } from '../apps/server/src/lib/crypto.js';
import type { Row } from './lib.js';

const SESSIONS = 50;
const DURATION_S = Number(process.env.BENCH_LOAD_SECONDS ?? 10);

/** Sessions for the load, created the way a login stores them (only the hash of the id is kept). */
async function mintSessions(ctx: AppContext, n: number): Promise<string[]> {
  const admin = (await ctx.db.query<{ id: string }>('SELECT id FROM administrators WHERE phone = $1', [ADMIN_A_PHONE]))
    .rows[0]!;
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) {
    const token = randomBytes(32).toString('base64url');
    await ctx.db.query(
      `INSERT INTO sessions (id_hash, administrator_id, csrf_token, expires_at, user_agent)
       VALUES ($1, $2, $3, now() + interval '1 hour', 'bench')`,
      [sha256(token), admin.id, randomBytes(16).toString('hex')],
    );
    cookies.push(`sid=${token}`);
  }
  return cookies;
}

export async function benchNumbersLoad(opts: {
  ctx: AppContext;
  base: string;
  companyId: string;
  msisdns: string[];
  fragment: string;
}): Promise<Row[]> {
  const cookies = await mintSessions(opts.ctx, SESSIONS);
  const paths = [
    `/api/v1/companies/${opts.companyId}/numbers?limit=50&status=active`,
    `/api/v1/companies/${opts.companyId}/numbers?limit=50&q=${opts.fragment}`,
    ...opts.msisdns.map((m) => `/api/v1/companies/${opts.companyId}/numbers/${m}`),
  ];
  let next = 0;
  let clientNo = 0;
  const result = await autocannon({
    url: opts.base,
    connections: SESSIONS,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (req) => {
          next = (next + 1) % paths.length;
          return { ...req, path: paths[next] };
        },
      },
    ],
    setupClient: (client) => {
      client.setHeaders({ cookie: cookies[clientNo++ % cookies.length]! });
    },
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  return [
    {
      benchmark: `numbers list + profile, ${SESSIONS} concurrent sessions (${result.requests.total} req, ${bad} failed)`,
      subject: 'p99 latency',
      floor: 'target 50 ms',
      subjectP50: result.latency.p99,
      floorP50: 50,
      ratio: result.latency.p99 / 50,
      target: 'p99 < 50 ms, 0 failed',
      pass: result.latency.p99 < 50 && bad === 0,
    },
  ];
}
