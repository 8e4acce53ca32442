/**
 * Reports (F19, F31, F32, F34–F37): usage details on screen or as a file, the actions history,
 * and the e-mailed reports. Files are made by background jobs (report-jobs.ts); a request for one
 * answers 202 with the request resource of the requests centre (B4).
 */

import { PassThrough } from 'node:stream';
import { addDays, almatyDateOf, almatyDayStart } from '@portal/calendar';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { type Language, t } from '../../lib/i18n.js';
import { normalizeMsisdn } from '../../lib/identifiers.js';
import { money } from '../../lib/money.js';
import { recordAction } from '../actions/actions.service.js';
import type { RequestsService } from '../requests/requests.service.js';
import { forEachBatch } from './batches.js';
import { formatDate, formatDateTime } from './dates.js';
import { type Period, type PeriodKind, resolvePeriod } from './periods.js';
import { xlsxWriter } from './report-builders.js';
import { queueReport, REPORT_KINDS, type ReportParams, type ReportType } from './report-jobs.js';
import { insertReportRequest } from './report-requests.js';
import { actionName, rt } from './report-texts.js';
import {
  type ActionHistoryRow,
  actionsPage,
  actionsQuery,
  databaseNow,
  findAdministrator,
  findCompany,
  findNumberId,
  usagePage,
  usageTotals,
} from './reports.repository.js';

export interface Actor {
  administratorId: string;
  ip: string | null;
}

export interface UsageRequest {
  from?: string;
  to?: string;
  output: 'screen' | 'xlsx' | 'email';
  email?: string;
  cursor?: string;
  limit: number;
}

export interface ReportRequest {
  type: Exclude<ReportType, 'usage'>;
  from?: string;
  to?: string;
  email?: string;
}

export interface ActionsRequest {
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

const PERIOD_OF: Partial<Record<ReportType, PeriodKind>> = {
  'invoice-register': 'invoice-register',
  reconciliation: 'reconciliation',
  payments: 'payments',
};

const ACTION_OF: Record<ReportType, string> = {
  usage: 'report.usage',
  numbers: 'report.numbers',
  'invoice-register': 'report.invoice_register',
  reconciliation: 'report.reconciliation',
  'registered-devices': 'report.registered_devices',
  payments: 'report.payments',
};

function invalidCursor(): AppError {
  return new AppError('invalid_cursor', 400, { fields: [{ field: 'cursor', code: 'invalid_cursor' }] });
}

const TIMESTAMP_US = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify({ t: at, i: id })).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; i?: unknown };
    if (typeof v.t === 'string' && TIMESTAMP_US.test(v.t) && typeof v.i === 'string' && /^\d{1,19}$/.test(v.i)) {
      return { at: v.t, id: v.i };
    }
  } catch {
    /* fall through */
  }
  throw invalidCursor();
}

export class ReportsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly requests: RequestsService,
  ) {}

  /** Today in Almaty by the database clock. */
  async today(): Promise<string> {
    return almatyDateOf(await databaseNow(this.ctx.db));
  }

  /** A period, or a 400 naming the field (the refusal is in the actions history). */
  private async period(kind: PeriodKind, input: Partial<Period>, audit: () => Promise<void>): Promise<Period> {
    const today = await this.today();
    try {
      return resolvePeriod(kind, input, today);
    } catch (err) {
      await audit();
      throw err;
    }
  }

  /** Usage details of a number (F19): a page on screen, or a file made in the background. */
  async usage(companyId: string, msisdnInput: string, body: UsageRequest, actor: Actor, lang: Language) {
    const { db } = this.ctx;
    const msisdn = normalizeMsisdn(msisdnInput);
    const numberId = msisdn ? await findNumberId(db, companyId, msisdn) : undefined;
    if (!msisdn || !numberId) throw notFound();
    const audit = (status: 'success' | 'failure', details: Record<string, unknown>) =>
      recordAction(db, {
        action: ACTION_OF.usage,
        status,
        administratorId: actor.administratorId,
        companyId,
        target: msisdn,
        details: { msisdn, output: body.output, ...details },
        ip: actor.ip,
      });
    const period = await this.period('usage', body, () =>
      audit('failure', { from: body.from ?? null, to: body.to ?? null, reason: 'period' }),
    );
    if (body.output === 'screen') {
      const after = decodeCursor(body.cursor);
      const filter = {
        companyId,
        numberId,
        from: almatyDayStart(period.from),
        to: almatyDayStart(addDays(period.to, 1)),
      };
      const rows = await usagePage(db, filter, after, body.limit + 1);
      const totals = await usageTotals(db, filter);
      if (!after) await audit('success', { ...period });
      const page = rows.slice(0, body.limit);
      const last = page.at(-1);
      return {
        status: 200 as const,
        body: {
          period,
          totals: { records: totals.records, cost: money(totals.cost_tiyn) },
          items: page.map((r) => ({
            occurredAt: new Date(r.occurred_at).toISOString(),
            type: r.type,
            direction: r.direction,
            otherParty: r.other_party,
            durationSeconds: r.duration_seconds,
            volumeKb: r.volume_kb === null ? null : Number(r.volume_kb),
            cost: money(r.cost_tiyn),
          })),
          nextCursor: rows.length > body.limit && last ? encodeCursor(last.occurred_at_us, String(last.id)) : null,
        },
      };
    }
    const email = body.output === 'email' ? (body.email ?? (await this.administratorEmail(actor))) : null;
    const params: ReportParams = {
      type: 'usage',
      ...period,
      output: body.output === 'email' ? 'email' : 'file',
      email,
      language: lang,
      msisdn,
    };
    const resource = await this.accept(companyId, numberId, params, actor, lang, () =>
      audit('success', { ...period, ...(email ? { email } : {}) }),
    );
    return { status: 202 as const, body: resource };
  }

  /** An e-mailed report (F32, F34–F37): stored as a request, built and sent by a job. */
  async requestReport(companyId: string, body: ReportRequest, actor: Actor, lang: Language) {
    const { db } = this.ctx;
    const email = body.email ?? (await this.administratorEmail(actor));
    const audit = (status: 'success' | 'failure', details: Record<string, unknown>) =>
      recordAction(db, {
        action: ACTION_OF[body.type],
        status,
        administratorId: actor.administratorId,
        companyId,
        target: email,
        details: { email, ...details },
        ip: actor.ip,
      });
    const kind = PERIOD_OF[body.type];
    const period = kind
      ? await this.period(kind, body, () =>
          audit('failure', { from: body.from ?? null, to: body.to ?? null, reason: 'period' }),
        )
      : undefined;
    const params: ReportParams = { type: body.type, ...period, output: 'email', email, language: lang };
    return this.accept(companyId, null, params, actor, lang, () => audit('success', { ...period }));
  }

  private async administratorEmail(actor: Actor): Promise<string> {
    const admin = await findAdministrator(this.ctx.db, actor.administratorId);
    if (!admin) throw new AppError('unauthenticated', 401);
    return admin.email;
  }

  /** Stores the request (with its status history), records the action, hands it to the queue, presents it. */
  private async accept(
    companyId: string,
    numberId: string | null,
    params: ReportParams,
    actor: Actor,
    lang: Language,
    audit: () => Promise<void>,
  ) {
    const id = await this.ctx.db.transaction((tx) =>
      insertReportRequest(tx, {
        companyId,
        administratorId: actor.administratorId,
        numberId,
        kind: REPORT_KINDS[params.type],
        params,
      }),
    );
    await audit().catch(() => undefined);
    await queueReport(this.ctx, id);
    const resource = await this.requests.get(companyId, id, lang);
    return { ...resource, message: t('report_accepted', lang) };
  }

  /** Actions history (F31): newest first, a page at a time. */
  async actions(companyId: string, q: ActionsRequest, lang: Language) {
    const period = await this.period('actions', q, async () => undefined);
    const before = decodeCursor(q.cursor);
    const rows = await actionsPage(
      this.ctx.db,
      { companyId, from: almatyDayStart(period.from), to: almatyDayStart(addDays(period.to, 1)) },
      before,
      q.limit + 1,
    );
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      period,
      items: page.map((r) => presentAction(r, lang)),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at_us, String(last.id)) : null,
    };
  }

  /** The actions history of a period as a spreadsheet (B9). */
  async actionsXlsx(companyId: string, q: ActionsRequest, lang: Language) {
    const { db } = this.ctx;
    const period = await this.period('actions', q, async () => undefined);
    const company = await findCompany(db, companyId);
    if (!company) throw notFound();
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const book = xlsxWriter(out, { lang });
    const now = await databaseNow(db);
    const sheet = await book.addSheet(
      rt('actions_sheet', lang),
      [
        { header: rt('col_action', lang), width: 60 },
        { header: rt('col_action_status', lang), width: 12 },
        { header: rt('col_occurred_at', lang), width: 20, style: 'datetime' },
        { header: rt('col_administrator', lang), width: 32 },
      ],
      {
        preamble: [
          rt('actions_title', lang),
          rt('company', lang, { name: company.full_name, bin: company.bin }),
          rt('period', lang, { from: formatDate(period.from), to: formatDate(period.to) }),
          rt('generated', lang, { at: formatDateTime(now) }),
        ],
      },
    );
    await forEachBatch(
      db,
      actionsQuery(companyId, almatyDayStart(period.from), almatyDayStart(addDays(period.to, 1))),
      async (batch) => {
        await sheet.addRows(
          batch.map((r) => {
            const a = presentAction(r, lang);
            return [
              a.actionText,
              rt(r.status === 'success' ? 'action_success' : 'action_failure', lang),
              new Date(r.created_at),
              a.administrator ? `${a.administrator.name} ${a.administrator.phone}` : '',
            ];
          }),
        );
      },
    );
    await book.finish();
    out.end();
    return {
      fileName: `${rt('actions_file', lang)}-${period.from}_${period.to}.xlsx`,
      content: Buffer.concat(chunks),
    };
  }
}

export function presentAction(r: ActionHistoryRow, lang: Language) {
  return {
    id: String(r.id),
    action: r.action,
    actionText: actionName(r.action, r.target, lang),
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    administrator: r.administrator_name
      ? { name: r.administrator_name, phone: r.administrator_phone?.trim() ?? '' }
      : null,
    target: r.target,
    details: r.details ?? {},
  };
}
