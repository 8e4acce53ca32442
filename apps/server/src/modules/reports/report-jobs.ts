/**
 * Report jobs (F19, F32, F34–F37, B4): a stored report request is built by a background job,
 * stored on the request and, when asked, e-mailed as an attachment — exactly once, however often
 * the job is retried, duplicated or restarted after a crash:
 *   1. claim the request (a lease; a dead worker's lease runs out and the request is claimed again);
 *   2. unless a file is already stored: build it into a temporary file, streaming rows in batches;
 *      store it on the request;
 *   3. e-mail it through the outbox with dedupeKey `report:<requestId>` (a second enqueue is a no-op);
 *   4. complete the request (once).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { Jobs } from '../../jobs/boss.js';
import { type Language, t } from '../../lib/i18n.js';
import { formatMsisdn } from '../../lib/identifiers.js';
import { formatDate } from './dates.js';
import {
  type BuildContext,
  type Built,
  buildDevicesXlsx,
  buildInvoiceRegisterXlsx,
  buildNumbersXlsx,
  buildPaymentsXlsx,
  buildReconciliationPdf,
  buildUsageXlsx,
  type OperatorRequisites,
} from './report-builders.js';
import {
  claimReportRequest,
  completeReportRequest,
  type ReportRequestRow,
  readReportFile,
  releaseLease,
  renewLease,
  stalledReportRequests,
  storeReportFile,
} from './report-requests.js';
import { type ReportTextKey, rt } from './report-texts.js';
import { databaseNow, findCompany } from './reports.repository.js';

export const REPORT_JOB = 'report-build';

export type ReportType =
  | 'usage'
  | 'numbers'
  | 'invoice-register'
  | 'reconciliation'
  | 'registered-devices'
  | 'payments';

/** The request kind of each report (the requests centre's `kind`). */
export const REPORT_KINDS: Record<ReportType, string> = {
  usage: 'report_usage',
  numbers: 'report_numbers',
  'invoice-register': 'report_invoice_register',
  reconciliation: 'report_reconciliation',
  'registered-devices': 'report_registered_devices',
  payments: 'report_payments',
};
const KIND_TYPES = new Map(Object.entries(REPORT_KINDS).map(([type, kind]) => [kind, type as ReportType]));

/** What a report request stores in `params`. */
export interface ReportParams {
  type: ReportType;
  from?: string;
  to?: string;
  /** `file`: stored for download only; `email`: stored and e-mailed. */
  output: 'file' | 'email';
  email: string | null;
  language: Language;
  msisdn?: string;
}

/** Starts (queue retries, sweeps) after which a request that keeps failing is failed for good. */
export const MAX_REPORT_ATTEMPTS = 5;
const SWEEP_EVERY_MS = 30_000;

/**
 * Test seams: a test may stop a job mid-report (after a batch) or crash it after the file is
 * stored but before the e-mail and completion. Never set outside tests.
 */
export const reportFaults: {
  afterBatch?: (requestId: string, rows: number) => Promise<void> | void;
  afterFileStored?: (requestId: string) => Promise<void> | void;
  /** Told when a worker finds that another one took its report over (it then stops). */
  superseded?: (requestId: string) => void;
} = {};

/** This attempt's lease was taken over by another worker: it stops without any further effect. */
class Superseded extends Error {}

const TITLES: Record<ReportType, ReportTextKey> = {
  usage: 'usage_title',
  numbers: 'numbers_title',
  'invoice-register': 'register_title',
  reconciliation: 'reconciliation_title',
  'registered-devices': 'devices_title',
  payments: 'payments_title',
};
const FILES: Record<ReportType, ReportTextKey> = {
  usage: 'usage_file',
  numbers: 'numbers_file',
  'invoice-register': 'register_file',
  reconciliation: 'reconciliation_file',
  'registered-devices': 'devices_file',
  payments: 'payments_file',
};

/** "Usage details for +7 701 211 21 01, 16.03.2025 – 16.04.2025" */
export function reportTitle(p: ReportParams): string {
  const title = rt(TITLES[p.type], p.language, { number: p.msisdn ? formatMsisdn(p.msisdn) : '' });
  return p.from && p.to ? `${title}, ${formatDate(p.from)} – ${formatDate(p.to)}` : title;
}

function fileName(p: ReportParams, at: Date, extension: string): string {
  const parts = [rt(FILES[p.type], p.language)];
  if (p.msisdn) parts.push(p.msisdn);
  if (p.from && p.to) parts.push(`${p.from}_${p.to}`);
  else parts.push(at.toISOString().slice(0, 10));
  return `${parts.join('-')}.${extension}`;
}

async function closeStream(out: Writable): Promise<void> {
  if (out.writableFinished) return;
  const finished = once(out, 'finish');
  out.end();
  await finished;
}

export interface ReportRunnerOptions {
  leaseSeconds: number;
  attachmentMaxBytes: number;
  operator: OperatorRequisites;
}

export function reportRunnerOptions(ctx: AppContext): ReportRunnerOptions {
  const c = ctx.config;
  return {
    leaseSeconds: c.REPORT_LEASE_SECONDS,
    attachmentMaxBytes: Math.round(c.REPORT_ATTACHMENT_MAX_MB * 1024 * 1024),
    operator: { name: c.OPERATOR_NAME, bin: c.OPERATOR_BIN, address: c.OPERATOR_ADDRESS },
  };
}

export class ReportRunner {
  constructor(
    private readonly ctx: AppContext,
    private readonly options: ReportRunnerOptions = reportRunnerOptions(ctx),
  ) {}

  /** One attempt at a report request; throws (and the queue retries) when something transient failed. */
  async run(requestId: string): Promise<void> {
    const { db } = this.ctx;
    const request = await claimReportRequest(db, requestId, this.options.leaseSeconds);
    if (!request) return; // final already, or a live worker has it
    const attempt = request.attempts;
    const type = KIND_TYPES.get(request.kind);
    if (!type) throw new Error(`not a report request: ${request.kind}`);
    if (attempt > MAX_REPORT_ATTEMPTS) {
      await completeReportRequest(db, requestId, attempt, {
        status: 'failed',
        data: { attempts: attempt },
        errorCode: 'report_failed',
      });
      return;
    }
    const params = request.params as unknown as ReportParams;
    const wantsEmail = params.output === 'email' && Boolean(params.email);
    try {
      let file: { name: string; rows: number; size: number; content?: Buffer };
      if (request.has_file && request.file_name) {
        // A previous attempt stored the file and died before finishing: send that file.
        const data = request.result?.data ?? {};
        file = { name: request.file_name, rows: Number(data.rows ?? 0), size: Number(data.size ?? 0) };
        if (wantsEmail && file.size <= this.options.attachmentMaxBytes)
          file.content = await readReportFile(db, requestId);
      } else {
        file = await this.buildAndStore(request, params, wantsEmail);
      }
      const data: Record<string, unknown> = { rows: file.rows, size: file.size, fileName: file.name };
      let messageKey: 'report_ready' | 'report_sent' = 'report_ready';
      const textParams: Record<string, string> = {};
      if (wantsEmail) {
        const attached = file.content !== undefined;
        await this.email(request, params, file.name, file.size, file.content);
        Object.assign(data, { emailedTo: params.email, attached });
        messageKey = 'report_sent';
        textParams.email = params.email as string;
      }
      await completeReportRequest(db, requestId, attempt, {
        status: 'succeeded',
        data,
        messageKey,
        params: textParams,
      });
    } catch (err) {
      if (err instanceof Superseded) {
        reportFaults.superseded?.(requestId);
        return;
      }
      await releaseLease(db, requestId, attempt).catch(() => undefined);
      throw err;
    }
  }

  /** Builds the file into a temporary file, streaming rows in batches, and stores it on the request. */
  private async buildAndStore(
    request: ReportRequestRow,
    p: ReportParams,
    wantsEmail: boolean,
  ): Promise<{ name: string; rows: number; size: number; content?: Buffer }> {
    const { db } = this.ctx;
    const company = await findCompany(db, request.company_id);
    if (!company) throw new Error(`company ${request.company_id} is gone`);
    const now = await databaseNow(db);
    let renewedAt = Date.now();
    const ctx: BuildContext = {
      db,
      lang: p.language,
      company,
      now,
      onBatch: async (rows) => {
        if (Date.now() - renewedAt > (this.options.leaseSeconds * 1000) / 3) {
          renewedAt = Date.now();
          await renewLease(db, request.id, request.attempts, this.options.leaseSeconds);
        }
        await reportFaults.afterBatch?.(request.id, rows);
      },
    };
    const dir = await mkdtemp(join(tmpdir(), 'report-'));
    try {
      const path = join(dir, 'report');
      const out = createWriteStream(path);
      let built: Built;
      try {
        built = await this.write(ctx, out, request, p);
        await closeStream(out);
      } catch (err) {
        out.destroy();
        throw err;
      }
      const name = fileName(p, now, built.extension);
      const { size } = await stat(path);
      const stored = await storeReportFile(db, request.id, request.attempts, {
        name,
        contentType: built.contentType,
        path,
        rows: built.rows,
      });
      if (!stored) throw new Superseded();
      await reportFaults.afterFileStored?.(request.id);
      const content = wantsEmail && size <= this.options.attachmentMaxBytes ? await readFile(path) : undefined;
      return { name, rows: built.rows, size, content };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private write(ctx: BuildContext, out: Writable, request: ReportRequestRow, p: ReportParams): Promise<Built> {
    const period = { from: p.from ?? '', to: p.to ?? '' };
    switch (p.type) {
      case 'usage':
        return buildUsageXlsx(ctx, out, {
          numberId: request.number_id,
          msisdn: p.msisdn ?? null,
          from: period.from,
          to: period.to,
        });
      case 'numbers':
        return buildNumbersXlsx(ctx, out);
      case 'invoice-register':
        return buildInvoiceRegisterXlsx(ctx, out, period);
      case 'reconciliation':
        return buildReconciliationPdf(ctx, out, period, this.options.operator);
      case 'registered-devices':
        return buildDevicesXlsx(ctx, out);
      case 'payments':
        return buildPaymentsXlsx(ctx, out, period);
    }
  }

  /** E-mails the report through the outbox, exactly once per request (its dedupe key); too large: a notice only. */
  private async email(request: ReportRequestRow, p: ReportParams, name: string, bytes: number, content?: Buffer) {
    const title = reportTitle(p);
    const attached = content !== undefined;
    const size = (bytes / 1024 / 1024).toFixed(1);
    await this.ctx.messaging.enqueue({
      channel: 'email',
      to: p.email as string,
      subject: t('report_email_subject', p.language, { report: title }),
      text: t(attached ? 'report_email_body' : 'report_email_body_too_large', p.language, {
        report: title,
        file: name,
        size,
      }),
      attachments: content
        ? [
            {
              filename: name,
              contentType: name.endsWith('.pdf')
                ? 'application/pdf'
                : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              contentBase64: content.toString('base64'),
            },
          ]
        : [],
      language: p.language,
      dedupeKey: `report:${request.id}`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The queue

const senders = new WeakMap<AppContext, (id: string) => Promise<unknown>>();

/** Defines the report job (runtime.ts defineJobs). */
export function defineReportJobs(ctx: AppContext, jobs: Jobs): ReportRunner {
  const runner = new ReportRunner(ctx);
  jobs.define({
    name: REPORT_JOB,
    handler: async (data: { requestId: string }) => {
      await runner.run(data.requestId);
    },
  });
  return runner;
}

/**
 * Connects report requests to the queue: new ones are sent as they are accepted; stalled ones
 * (stored while no queue ran, or whose worker died) are swept now and every 30 s.
 */
export async function connectReports(ctx: AppContext, jobs: Jobs): Promise<void> {
  const send = (id: string) => jobs.send(REPORT_JOB, { requestId: id });
  senders.set(ctx, send);
  const kinds = Object.values(REPORT_KINDS);
  const sweep = async (graceSeconds: number) => {
    for (const id of await stalledReportRequests(ctx.db, kinds, graceSeconds)) await send(id);
  };
  await sweep(0);
  const timer = setInterval(() => {
    if (!jobs.started) {
      clearInterval(timer);
      return;
    }
    sweep(60).catch((err) => console.error('[reports] sweep failed', err));
  }, SWEEP_EVERY_MS);
  timer.unref();
}

/** Hands a committed report request to the queue when one is connected (the sweep covers the rest). */
export async function queueReport(ctx: AppContext, requestId: string): Promise<void> {
  const send = senders.get(ctx);
  if (!send) return;
  try {
    await send(requestId);
  } catch (err) {
    console.error('[reports] dispatch failed', requestId, err);
  }
}
