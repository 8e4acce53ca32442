import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import type { Jobs } from '../src/jobs/boss.js';
import { reportFaults } from '../src/modules/reports/report-jobs.js';
import {
  companyIdByBin,
  emailsTo,
  readXlsx,
  requestState,
  startJobs,
  stopJobsWhenIdle,
  table,
  waitForFinal,
  waitUntil,
} from './helpers/reports.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * Reports survive crashes and send exactly one e-mail (spec/domain.md "Asynchronous outcomes"):
 * a job that dies after storing the file is retried and completes without building again; a worker
 * stopped in the middle of a report is replaced by a new one that takes the report over when the
 * lease runs out — and when the old one wakes up later it neither sends a second e-mail nor
 * completes the request a second time.
 */
const LEASE_SECONDS = 2;

let t: TestApp;
let a: Session;
let large: string;
let jobs: Jobs | undefined;

const order = (email: string, type = 'numbers') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/companies/${large}/reports`,
    headers: { ...a.headers, 'accept-language': 'en' },
    payload: { type, email },
  });

async function statusHistory(id: string): Promise<string[]> {
  const { rows } = await t.ctx.db.query<{ status: string }>(
    'SELECT status FROM request_status_history WHERE request_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((r) => r.status);
}

beforeAll(async () => {
  t = await createTestApp({ REPORT_LEASE_SECONDS: String(LEASE_SECONDS) });
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  large = await companyIdByBin(t, a, BIN_LARGE);
});

afterEach(() => {
  reportFaults.afterBatch = undefined;
  reportFaults.afterFileStored = undefined;
  reportFaults.superseded = undefined;
});

afterAll(async () => {
  await stopJobsWhenIdle(t, jobs);
  await t?.close();
});

describe('report jobs: exactly once through crashes and restarts', () => {
  it('a job that crashes after storing the file, before e-mailing and completing, is retried: one e-mail, built once', async () => {
    jobs = await startJobs(t);
    let stored = 0;
    reportFaults.afterFileStored = () => {
      stored += 1;
      if (stored === 1) throw new Error('simulated crash after the file was stored');
    };
    const email = 'crash-after-file@example.com';
    const res = await order(email);
    expect(res.statusCode).toBe(202);
    const done = await waitForFinal(t, res.json().id, 60_000);
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toBe(2);
    expect(stored).toBe(1); // the retry sent the stored file instead of building it again
    const mails = await emailsTo(t, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.dedupe_key).toBe(`report:${res.json().id}`);
    expect(await statusHistory(res.json().id)).toEqual(['pending', 'running', 'succeeded']);
    const attached = (await readXlsx(Buffer.from(mails[0]!.attachments[0]!.contentBase64, 'base64'))).worksheets[0]!;
    const { rows } = await t.ctx.db.query<{ n: string }>('SELECT count(*) AS n FROM numbers WHERE company_id = $1', [
      large,
    ]);
    expect(table(attached, 'Number').rows).toHaveLength(Number(rows[0]!.n));
  });

  it('a worker stopped mid-report is replaced; the report completes once, and the old worker waking up sends nothing', async () => {
    jobs ??= await startJobs(t);
    let release!: () => void;
    const blocked = new Promise<void>((r) => {
      release = r;
    });
    let started!: () => void;
    const running = new Promise<void>((r) => {
      started = r;
    });
    const batchesBy = new Map<string, number>();
    let firstAttempt = true;
    reportFaults.afterBatch = async (id) => {
      batchesBy.set(id, (batchesBy.get(id) ?? 0) + 1);
      if (firstAttempt) {
        firstAttempt = false;
        started();
        await blocked; // this worker hangs here, mid-report, with its file half written
      }
    };
    let stores = 0;
    reportFaults.afterFileStored = () => {
      stores += 1;
    };
    let superseded = 0;
    reportFaults.superseded = () => {
      superseded += 1;
    };
    const email = 'worker-stopped@example.com';
    const res = await order(email);
    const id = res.json().id as string;
    await running;
    expect((await requestState(t, id)).status).toBe('running');

    // The worker stops (its job is still in the middle of the report) and a new one starts.
    await jobs.stop();
    jobs = await startJobs(t);
    await waitUntil(
      async () => {
        // The new worker's sweep takes the report over once the old lease has run out.
        const state = await requestState(t, id);
        return state.status === 'succeeded' ? state : undefined;
      },
      60_000,
      'the report to be taken over',
    );
    const done = await requestState(t, id);
    expect(done.attempts).toBe(2);
    expect(await emailsTo(t, email)).toHaveLength(1);

    // The old worker wakes up, finishes building its copy, finds itself superseded and stops.
    release();
    await waitUntil(async () => (superseded === 1 ? true : undefined), 30_000, 'the old worker to finish');
    expect(stores).toBe(1);
    expect(await emailsTo(t, email)).toHaveLength(1);
    expect(await statusHistory(id)).toEqual(['pending', 'running', 'succeeded']);
    const after = await requestState(t, id);
    expect(after.status).toBe('succeeded');
    expect(Buffer.from(after.file_content!).equals(Buffer.from(done.file_content!))).toBe(true);
  }, 90_000);
});
