import type { Jobs } from '../../src/jobs/boss.js';
import { connectRequests } from '../../src/modules/requests/request-jobs.js';
import { connectOutbox, defineJobs } from '../../src/runtime.js';
import type { Session, TestApp } from './test-app.js';

/** Starts the job queue in this process (workers included), as `npm start` does. */
export async function startQueue(t: TestApp): Promise<Jobs> {
  const jobs = defineJobs(t.ctx);
  await jobs.start({ work: true });
  await connectOutbox(t.ctx, jobs);
  await connectRequests(t.ctx, jobs);
  return jobs;
}

export interface RequestBody {
  id: string;
  kind: string;
  status: 'pending' | 'running' | 'succeeded' | 'failed';
  msisdn: string | null;
  params: Record<string, unknown>;
  result: Record<string, unknown> | null;
  message: string | null;
  note: string | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  updatedAt: string;
}

/** Reads a request through the API until it is final (or `until` holds). */
export async function waitForRequest(
  t: TestApp,
  s: Session,
  companyId: string,
  id: string,
  options: { until?: (r: RequestBody) => boolean; timeoutMs?: number; lang?: string } = {},
): Promise<RequestBody> {
  const until = options.until ?? ((r) => r.status === 'succeeded' || r.status === 'failed');
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${companyId}/requests/${id}`,
      headers: { ...s.headers, 'accept-language': options.lang ?? 'en' },
    });
    if (res.statusCode !== 200) throw new Error(`GET request ${id}: ${res.statusCode} ${res.body}`);
    const body = res.json() as RequestBody;
    if (until(body)) return body;
    if (Date.now() > deadline) throw new Error(`request ${id} still ${body.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs `fn` with the queue detached: requests accepted meanwhile stay pending until dispatched. */
export async function withQueuePaused<T>(t: TestApp, fn: () => Promise<T>): Promise<T> {
  const onQueued = t.ctx.requestQueue.onQueued;
  t.ctx.requestQueue.onQueued = null;
  try {
    return await fn();
  } finally {
    t.ctx.requestQueue.onQueued = onQueued;
  }
}

/** Statuses a request took, in order (request_status_history). */
export async function statusHistory(t: TestApp, id: string): Promise<string[]> {
  const { rows } = await t.ctx.db.query<{ status: string }>(
    'SELECT status FROM request_status_history WHERE request_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((r) => r.status);
}
