import { type ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, ADMIN_B_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import type { Jobs } from '../src/jobs/boss.js';
import { connectRequests } from '../src/modules/requests/request-jobs.js';
import { attachFile } from '../src/modules/requests/requests.repository.js';
import { defineJobs } from '../src/runtime.js';
import { actionsFor, client, numberPool } from './helpers/number-management.js';
import { type RequestBody, startQueue, statusHistory, waitForRequest, withQueuePaused } from './helpers/requests.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * B4 requests centre: list, read, file, live updates (server-sent events), polling with
 * ?updatedSince=; and jobs that survive restarts (O3 registry delay as the job's startAfter):
 * a request completes exactly once — one final status, one SMS — when the worker is stopped while
 * the registry's answer is pending (in-process, both databases) or killed with SIGKILL in the
 * middle of a job (a spawned `src/worker.ts`, PostgreSQL).
 */
const DELAY_MS = 1500;
const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');

let t: TestApp;
let a: Session;
let b: Session;
let large: string;
let companyB: string;
let api: ReturnType<typeof client>;
let pick: ReturnType<typeof numberPool>;
const base = (msisdn: string) => `/api/v1/companies/${large}/numbers/${msisdn}`;
const requestsUrl = (query = '') => `/api/v1/companies/${large}/requests${query}`;

let serial = 500;
const freshImei = (last = 3) => `35999903${String(++serial).padStart(5, '0')}${last}`;
const fresh = (count = 1) =>
  pick(
    `n.status = 'active' AND NOT n.roaming AND NOT EXISTS (SELECT 1 FROM device_registrations d WHERE d.number_id = n.id)`,
    count,
  );

beforeAll(async () => {
  t = await createTestApp({ IMEI_REGISTRY_DELAY_MS: String(DELAY_MS), REQUEST_EVENTS_POLL_MS: '100' });
  api = client(t);
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  b = await login(t, ADMIN_B_PHONE, DEMO_PASSWORD);
  const companies = (await api.get(a, '/api/v1/companies')).json().items as { id: string; bin: string }[];
  large = companies.find((c) => c.bin === BIN_LARGE)!.id;
  companyB = (await api.get(b, '/api/v1/companies')).json().items[0].id;
  pick = numberPool(t, () => large);
}, 120_000);
afterAll(async () => t?.close());

async function registerDevice(msisdn: string, imei = freshImei()): Promise<RequestBody> {
  const res = await api.post(a, `${base(msisdn)}/device-registrations`, { imei, kind: 'register' });
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as RequestBody;
}

async function smsCount(requestId: string): Promise<number> {
  const { rows } = await t.ctx.db.query('SELECT 1 FROM outbox_messages WHERE dedupe_key = $1', [
    `imei-result:${requestId}`,
  ]);
  return rows.length;
}

describe('B4 requests centre: list and read', () => {
  let created: RequestBody[] = [];
  let numbers: string[] = [];

  beforeAll(async () => {
    // No queue runs yet: the requests stay pending.
    numbers = await fresh(3);
    created = [];
    for (const msisdn of numbers.slice(0, 2)) created.push(await registerDevice(msisdn));
    const sim = await api.post(a, `${base(numbers[2]!)}/sim-replacement`, { iccid: '89997029220037467653' });
    expect(sim.statusCode).toBe(202);
    created.push(sim.json());
  });

  it('lists the company’s requests newest first, with who asked and for which number', async () => {
    const res = await api.get(a, requestsUrl());
    expect(res.statusCode).toBe(200);
    const items = res.json().items as (RequestBody & { administrator: { fullName: string } })[];
    expect(items.slice(0, 3).map((r) => r.id)).toEqual(created.map((r) => r.id).reverse());
    expect(items[0]).toMatchObject({
      kind: 'sim_replacement',
      status: 'pending',
      msisdn: numbers[2],
      administrator: { fullName: 'Ussanova Aliya' },
      result: null,
      message: null,
      error: null,
      file: null,
      completedAt: null,
    });
  });

  it('filters by kind, status and number', async () => {
    const byKind = (await api.get(a, requestsUrl('?kind=device_register'))).json().items as RequestBody[];
    expect(byKind.map((r) => r.id)).toEqual([created[1]!.id, created[0]!.id]);
    const pending = (await api.get(a, requestsUrl('?status=pending'))).json().items as RequestBody[];
    expect(pending.map((r) => r.id)).toEqual(expect.arrayContaining(created.map((r) => r.id)));
    expect((await api.get(a, requestsUrl('?status=succeeded'))).json().items).toEqual([]);
    const byNumber = (
      await api.get(a, requestsUrl(`?msisdn=${encodeURIComponent(`+7 ${numbers[0]!.slice(1)}`)}`))
    ).json();
    expect(byNumber.items.map((r: RequestBody) => r.id)).toEqual([created[0]!.id]);
  });

  it('pages with an opaque cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.get(a, requestsUrl(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`));
      const page = res.json() as { items: RequestBody[]; nextCursor: string | null };
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created.map((r) => r.id).reverse());
  });

  it('refuses bad query values with field errors', async () => {
    for (const [query, field] of [
      ['?cursor=abc', 'cursor'],
      ['?status=done', 'status'],
      ['?updatedSince=yesterday', 'updatedSince'],
      ['?limit=0', 'limit'],
      ['?msisdn=12345', 'msisdn'],
    ] as const) {
      const res = await api.get(a, requestsUrl(query));
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details.fields[0].field, query).toBe(field);
    }
  });

  it('returns only requests changed after ?updatedSince= (polling clients)', async () => {
    const latest = (await api.get(a, requestsUrl())).json().items[0] as RequestBody;
    const since = latest.updatedAt;
    await new Promise((r) => setTimeout(r, 5));
    const [msisdn] = await fresh();
    const newer = await registerDevice(msisdn!);
    const res = (await api.get(a, requestsUrl(`?updatedSince=${encodeURIComponent(since)}`))).json();
    expect(res.items.map((r: RequestBody) => r.id)).toContain(newer.id);
    expect(res.items.map((r: RequestBody) => r.id)).not.toContain(created[0]!.id);
    created.push(newer);
  });

  it('reads one request, and answers 404 for an unknown one or another company’s', async () => {
    const one = await api.get(a, requestsUrl(`/${created[0]!.id}`));
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: created[0]!.id, kind: 'device_register', status: 'pending' });
    for (const id of ['00000000-0000-0000-0000-000000000001', 'not-a-uuid']) {
      const res = await api.get(a, requestsUrl(`/${id}`));
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const viaOwnCompany = await api.get(b, `/api/v1/companies/${companyB}/requests/${created[0]!.id}`);
    expect(viaOwnCompany.statusCode).toBe(404);
    const viaOtherCompany = await api.get(b, requestsUrl(`/${created[0]!.id}`));
    expect(viaOtherCompany.statusCode).toBe(404);
    expect((await api.get(b, `/api/v1/companies/${companyB}/requests`)).json().items).toEqual([]);
  });

  it('serves a request’s file, and 404 when it has none', async () => {
    const id = created[0]!.id;
    expect((await api.get(a, requestsUrl(`/${id}/file`))).statusCode).toBe(404);
    await t.ctx.db.transaction((tx) =>
      attachFile(tx, id, { name: 'отчёт 1.csv', contentType: 'text/csv', content: Buffer.from('a;b\n1;2\n') }),
    );
    const res = await api.get(a, requestsUrl(`/${id}/file`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('отчёт 1.csv')}`,
    );
    expect(res.body).toBe('a;b\n1;2\n');
    expect((await api.get(a, requestsUrl(`/${id}`))).json().file).toEqual({
      name: 'отчёт 1.csv',
      contentType: 'text/csv',
      url: `/api/v1/companies/${large}/requests/${id}/file`,
    });
    expect((await api.get(b, `/api/v1/companies/${companyB}/requests/${id}/file`)).statusCode).toBe(404);
  });
});

interface SseEvent {
  event: string;
  id: string;
  data: RequestBody;
}

/** Opens the live-updates stream over real HTTP and collects its events. */
async function openStream(port: number, s: Session, companyId: string, lastEventId?: string) {
  const events: SseEvent[] = [];
  let raw = '';
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: `/api/v1/companies/${companyId}/requests/events`,
        headers: {
          cookie: s.cookie,
          'accept-language': 'en',
          ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    raw += chunk;
    let end = raw.indexOf('\n\n');
    while (end >= 0) {
      const block = raw.slice(0, end);
      raw = raw.slice(end + 2);
      const fields: Record<string, string> = Object.fromEntries(
        block
          .split('\n')
          .filter((l) => !l.startsWith(':') && l.includes(': '))
          .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]),
      );
      if (fields.event && fields.id && fields.data) {
        events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data) });
      }
      end = raw.indexOf('\n\n');
    }
  });
  const waitFor = async (predicate: (e: SseEvent) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = events.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no such event; got ${JSON.stringify(events.map((e) => e.data.status))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { response, events, waitFor, close: () => response.destroy() };
}

describe('B4 live updates (server-sent events)', () => {
  it('streams the company’s request changes as they happen, and resumes from Last-Event-ID', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as { port: number }).port;
    const stream = await openStream(port, a, large);
    let jobs: Jobs | undefined;
    try {
      expect(stream.response.statusCode).toBe(200);
      expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const [msisdn] = await fresh();
      const created = await withQueuePaused(t, () => registerDevice(msisdn!));
      const pending = await stream.waitFor((e) => e.data.id === created.id);
      expect(pending).toMatchObject({ event: 'request', data: { status: 'pending', kind: 'device_register', msisdn } });

      // Another company's request never shows on this stream.
      const bNumber = (
        await t.ctx.db.query<{ msisdn: string }>(
          `SELECT msisdn FROM numbers WHERE company_id = $1 AND status = 'active' ORDER BY msisdn LIMIT 1`,
          [companyB],
        )
      ).rows[0]!.msisdn;
      const other = await api.post(b, `/api/v1/companies/${companyB}/numbers/${bNumber}/device-registrations`, {
        imei: freshImei(),
      });
      expect(other.statusCode).toBe(202);

      jobs = await startQueue(t);
      const done = await stream.waitFor((e) => e.data.id === created.id && e.data.status === 'succeeded');
      expect(done.data.message).toContain('is registered with number');
      expect(stream.events.some((e) => e.data.id === other.json().id)).toBe(false);

      // A reconnecting EventSource sends the last id it saw: the stream catches up from there.
      const resumed = await openStream(port, a, large, pending.id);
      try {
        expect((await resumed.waitFor((e) => e.data.id === created.id)).data.status).toBe('succeeded');
      } finally {
        resumed.close();
      }
    } finally {
      stream.close();
      await jobs?.stop();
    }
  });

  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: requestsUrl('/events') });
    expect(res.statusCode).toBe(401);
  });
});

describe('jobs survive restarts: each request completes exactly once', () => {
  it('in process: the queue stops while the registry’s answer is pending, and a new one finishes it', async () => {
    const [msisdn] = await fresh();
    const first = await startQueue(t);
    const accepted = await registerDevice(msisdn!);
    // The answer is due in DELAY_MS: the job waits in the queue (startAfter), not in a sleep.
    await first.stop();
    await new Promise((r) => setTimeout(r, DELAY_MS + 1000));
    expect((await waitForRequest(t, a, large, accepted.id, { until: () => true })).status).toBe('pending');
    expect(await smsCount(accepted.id)).toBe(0);

    const second = await startQueue(t);
    try {
      const done = await waitForRequest(t, a, large, accepted.id);
      expect(done.status).toBe('succeeded');
      // The first queue's job and the new queue's sweep both ran it: one change, one SMS.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await statusHistory(t, accepted.id)).toEqual(['pending', 'running', 'succeeded']);
      expect(await smsCount(accepted.id)).toBe(1);
      expect((await actionsFor(t, msisdn!, 'device.register')).map((x) => x.status)).toEqual(['success']);
    } finally {
      await second.stop();
    }
  });

  describe.skipIf(!process.env.DATABASE_URL)('a spawned worker killed with SIGKILL (PostgreSQL)', () => {
    let sender: Jobs;
    const workers: ChildProcess[] = [];

    beforeAll(async () => {
      // This process only sends jobs (like an API instance with RUN_WORKERS=false).
      sender = defineJobs(t.ctx);
      await sender.start({ work: false });
      await connectRequests(t.ctx, sender);
    });
    afterAll(async () => {
      for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
      await sender?.stop();
    });

    async function startWorker(env: Record<string, string> = {}): Promise<ChildProcess> {
      let output = '';
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
        cwd: serverDir,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DEMO_MODE: 'true',
          LOG_LEVEL: 'warn',
          DATABASE_URL: t.ctx.config.DATABASE_URL ?? '',
          NETWORK_SIM_DELAY_MS: '0',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      workers.push(child);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 90_000);
        const onData = (d: Buffer) => {
          output += d;
          if (output.includes('worker: processing jobs')) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', (d) => {
          output += d;
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`worker exited with ${code}:\n${output}`));
        });
      });
      child.removeAllListeners('exit');
      return child;
    }

    const kill = (child: ChildProcess) =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });

    it('IMEI registration: killed while the registry’s answer is pending, finished by the next worker', async () => {
      const [msisdn] = await fresh();
      const first = await startWorker();
      const accepted = await registerDevice(msisdn!);
      await new Promise((r) => setTimeout(r, 300));
      await kill(first);
      await new Promise((r) => setTimeout(r, DELAY_MS + 1000));
      expect((await waitForRequest(t, a, large, accepted.id, { until: () => true })).status).toBe('pending');

      const second = await startWorker();
      try {
        const done = await waitForRequest(t, a, large, accepted.id, { timeoutMs: 60_000 });
        expect(done.status).toBe('succeeded');
        await new Promise((r) => setTimeout(r, 1500));
        expect(await statusHistory(t, accepted.id)).toEqual(['pending', 'running', 'succeeded']);
        expect(await smsCount(accepted.id)).toBe(1);
      } finally {
        await kill(second);
      }
    }, 240_000);

    it('SIM replacement: killed in the middle of the network command, finished once by the next worker', async () => {
      const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming`);
      const iccid = '89997029492934526960';
      const activeIccid = async () =>
        (
          await t.ctx.db.query<{ iccid: string }>(
            'SELECT s.iccid FROM sims s JOIN numbers n ON n.id = s.number_id WHERE n.msisdn = $1 AND s.active',
            [msisdn],
          )
        ).rows.map((r) => r.iccid);
      const before = await activeIccid();
      // The network takes 30 s to confirm: the job is inside its transaction when the worker dies.
      const first = await startWorker({ NETWORK_SIM_DELAY_MS: '30000' });
      const res = await api.post(a, `${base(msisdn!)}/sim-replacement`, { iccid });
      expect(res.statusCode).toBe(202);
      const id = res.json().id as string;
      await waitForRequest(t, a, large, id, { until: (r) => r.status === 'running', timeoutMs: 30_000 });
      await new Promise((r) => setTimeout(r, 500));
      await kill(first);
      expect((await waitForRequest(t, a, large, id, { until: () => true })).status).toBe('running');
      expect(await activeIccid()).toEqual(before);
      expect(await actionsFor(t, msisdn!, 'sim.replace')).toEqual([]);

      const second = await startWorker();
      try {
        const done = await waitForRequest(t, a, large, id, { timeoutMs: 60_000 });
        expect(done.status).toBe('succeeded');
        await new Promise((r) => setTimeout(r, 1500));
        expect(await statusHistory(t, id)).toEqual(['pending', 'running', 'succeeded']);
        expect(await activeIccid()).toEqual([iccid]);
        expect((await actionsFor(t, msisdn!, 'sim.replace')).map((x) => x.status)).toEqual(['success']);
        const { rows } = await t.ctx.db.query<{ status: string }>(
          `SELECT c.status FROM provisioning_commands c JOIN numbers n ON n.id = c.number_id
           WHERE n.msisdn = $1 AND c.kind = 'sim_swap'`,
          [msisdn],
        );
        expect(rows.map((r) => r.status)).toEqual(['succeeded']);
      } finally {
        await kill(second);
      }
    }, 240_000);
  });
});
