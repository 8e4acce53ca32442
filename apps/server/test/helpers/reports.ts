/** Helpers of the report and document tests: read XLSX and PDF files, wait for report requests. */
import { almatyDateOf } from '@portal/calendar';
import ExcelJS from 'exceljs';
import type { Attachment } from '../../src/integrations/messaging.js';
import type { Jobs } from '../../src/jobs/boss.js';
import { connectOutbox, defineJobs } from '../../src/runtime.js';
import type { Session, TestApp } from './test-app.js';

export async function readXlsx(content: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(content) as never);
  return wb;
}

/** A sheet's rows as arrays of cell values (column A first), row 1 first. */
export function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(out, (r) => r ?? []);
}

/** The data rows under the heading row whose first cell is `firstHeading`, and that heading row. */
export function table(ws: ExcelJS.Worksheet, firstHeading: string): { heading: unknown[]; rows: unknown[][] } {
  const rows = rowsOf(ws);
  const at = rows.findIndex((r) => r[0] === firstHeading);
  if (at < 0) throw new Error(`no heading "${firstHeading}" in ${ws.name}`);
  return { heading: rows[at] as unknown[], rows: rows.slice(at + 1) };
}

/** The text of a PDF, page by page joined with spaces (pdfjs, no worker, no downloads). */
export async function pdfText(content: Buffer | Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(content),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const text = await page.getTextContent();
    pages.push(text.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** Text without any whitespace (PDF lines break wherever the layout wants). */
export const squash = (s: string) => s.replace(/\s+/g, '');

export interface RequestState {
  status: string;
  attempts: number;
  error_code: string | null;
  result: { data?: Record<string, unknown>; messageKey?: string } | null;
  file_name: string | null;
  file_type: string | null;
  file_content: Uint8Array | null;
}

export async function requestState(t: TestApp, id: string): Promise<RequestState> {
  const { rows } = await t.ctx.db.query<RequestState>(
    'SELECT status, attempts, error_code, result, file_name, file_type, file_content FROM requests WHERE id = $1',
    [id],
  );
  if (!rows[0]) throw new Error(`no request ${id}`);
  return rows[0];
}

export async function waitUntil<T>(probe: () => Promise<T | undefined>, ms = 60_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until a request is final. */
export function waitForFinal(t: TestApp, id: string, ms = 60_000): Promise<RequestState> {
  return waitUntil(
    async () => {
      const r = await requestState(t, id);
      return r.status === 'succeeded' || r.status === 'failed' ? r : undefined;
    },
    ms,
    `request ${id}`,
  );
}

export interface OutboxEmail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  language: string;
  attachments: Attachment[];
  dedupe_key: string;
}

/** Every e-mail in the outbox to a recipient, oldest first (tests give each report its own address). */
export async function emailsTo(t: TestApp, recipient: string): Promise<OutboxEmail[]> {
  const { rows } = await t.ctx.db.query<OutboxEmail>(
    `SELECT id, recipient, subject, body, language, attachments, dedupe_key FROM outbox_messages
      WHERE recipient = $1 AND channel = 'email' ORDER BY id`,
    [recipient],
  );
  return rows;
}

export function attachmentContent(a: Attachment): Buffer {
  return Buffer.from(a.contentBase64, 'base64');
}

/** Starts the job workers (outbox delivery and reports) on the test app's database. */
export async function startJobs(t: TestApp): Promise<Jobs> {
  const jobs = defineJobs(t.ctx);
  await jobs.start({ work: true });
  await connectOutbox(t.ctx, jobs);
  return jobs;
}

/** Waits until no report request is open (so that the workers stop idle), then stops them. */
export async function stopJobsWhenIdle(t: TestApp, jobs: Jobs | undefined): Promise<void> {
  if (!jobs) return;
  await waitUntil(
    async () => {
      const { rows } = await t.ctx.db.query<{ open: string }>(
        `SELECT count(*) AS open FROM requests WHERE kind LIKE 'report%' AND status IN ('pending', 'running')`,
      );
      return Number(rows[0]?.open ?? 0) === 0 ? true : undefined;
    },
    60_000,
    'open report requests',
  ).catch(() => undefined);
  await jobs.stop();
}

/** Today in Almaty by the database clock, as the server sees it. */
export async function databaseToday(t: TestApp): Promise<string> {
  const { rows } = await t.ctx.db.query<{ now: Date }>('SELECT now() AS now');
  return almatyDateOf(new Date(rows[0]!.now));
}

export async function companyIdByBin(t: TestApp, s: Session, bin: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: s.headers });
  return res.json().items.find((c: { bin: string }) => c.bin === bin).id;
}
