/**
 * The report files: rows stream from the database in batches (batches.ts) into the XLSX writer
 * or a PDF, so memory stays flat whatever the report's size. Headings, values and number formats
 * follow the administrator's language (F07).
 */

import type { Writable } from 'node:stream';
import { addDays, almatyDayStart, almatyLocalMs } from '@portal/calendar';
import type { Db } from '../../db/client.js';
import type { Language } from '../../lib/i18n.js';
import { formatMsisdn } from '../../lib/identifiers.js';
import { tiynToAmount } from '../../lib/money.js';
import { formatMoney } from '../documents/amount-in-words.js';
import { createPdf, endPdf, heading, PdfTable, paragraph } from '../documents/pdf.js';
import { forEachBatch } from './batches.js';
import { formatDate, formatDateTime } from './dates.js';
import { type ReportTextKey, rt } from './report-texts.js';
import {
  type CompanyRow,
  devicesQuery,
  invoiceRegisterQuery,
  numbersQuery,
  openingBalance,
  paymentsQuery,
  reconciliationQuery,
  usageQuery,
} from './reports.repository.js';
import type { CellValue, Column } from './xlsx-writer.js';
import { XlsxWriter } from './xlsx-writer.js';

export interface BuildContext {
  db: Db;
  lang: Language;
  company: CompanyRow;
  /** When the report is made (shown in it). */
  now: Date;
  /** Called after each batch: keeps the job's claim alive (and lets tests interrupt). */
  onBatch?: (rowsSoFar: number) => Promise<void>;
  /** zlib level of XLSX files. */
  level?: number;
}

export interface Built {
  rows: number;
  contentType: string;
  extension: 'xlsx' | 'pdf';
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';

const LOCALE_TAG: Record<Language, string> = { en: '[$-409]', ru: '[$-419]', kk: '[$-43F]' };

export function xlsxWriter(out: Writable, ctx: Pick<BuildContext, 'lang' | 'level'>): XlsxWriter {
  return new XlsxWriter(out, { level: ctx.level ?? 3, toLocalMs: almatyLocalMs, localeTag: LOCALE_TAG[ctx.lang] });
}

function preamble(ctx: BuildContext, title: string, period?: { from: string; to: string }): string[] {
  const lines = [title, rt('company', ctx.lang, { name: ctx.company.full_name, bin: ctx.company.bin })];
  if (period) lines.push(rt('period', ctx.lang, { from: formatDate(period.from), to: formatDate(period.to) }));
  lines.push(rt('generated', ctx.lang, { at: formatDateTime(ctx.now) }));
  return lines;
}

const col = (lang: Language, key: ReportTextKey, width: number, style?: Column['style'], shared = false): Column => ({
  header: rt(key, lang),
  width,
  style,
  shared,
});
/** A text column of few distinct values (types, statuses), kept in the shared strings table. */
const few = (lang: Language, key: ReportTextKey, width: number): Column => col(lang, key, width, 'text', true);

/**
 * Tiyn (integer text, as the database returns bigint) as a decimal string, "997033" → "9970.33",
 * with string operations only: the hot path of a report of a million rows.
 */
export function tiynDecimal(tiyn: string | number): string {
  const s = String(tiyn);
  const negative = s.charCodeAt(0) === 45; // '-'
  const digits = negative ? s.slice(1) : s;
  const padded = digits.length < 3 ? digits.padStart(3, '0') : digits;
  return `${negative ? '-' : ''}${padded.slice(0, -2)}.${padded.slice(-2)}`;
}

/** Sums tiyn exactly: in a number while it is safely an integer, in a bigint beyond. */
class Sum {
  private small = 0;
  private big = 0n;
  add(v: string | number | bigint | null | undefined) {
    if (v === null || v === undefined) return;
    if (typeof v === 'bigint') {
      this.big += v;
      return;
    }
    const n = Number(v);
    if (!Number.isSafeInteger(n)) {
      this.big += BigInt(v);
      return;
    }
    this.small += n;
    if (Math.abs(this.small) > 2 ** 52) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
  }
  get value(): bigint {
    return this.big + BigInt(this.small);
  }
  get amount(): string {
    return tiynToAmount(this.value);
  }
}

// ---------------------------------------------------------------------------------------------

export interface UsageReportArgs {
  numberId: string | null;
  msisdn: string | null;
  from: string;
  to: string;
}

/** Usage details (F19): one row per usage record, oldest first, and the total cost. */
export async function buildUsageXlsx(ctx: BuildContext, out: Writable, args: UsageReportArgs): Promise<Built> {
  const { lang } = ctx;
  const book = xlsxWriter(out, ctx);
  const title = rt('usage_title', lang, { number: args.msisdn ? formatMsisdn(args.msisdn) : ctx.company.full_name });
  const sheet = await book.addSheet(
    rt('usage_sheet', lang),
    [
      col(lang, 'col_occurred_at', 20, 'datetime'),
      few(lang, 'col_type', 18),
      few(lang, 'col_direction', 12),
      col(lang, 'col_other_party', 16),
      col(lang, 'col_duration', 12, 'duration'),
      col(lang, 'col_volume', 12, 'decimal'),
      col(lang, 'col_cost', 14, 'money'),
    ],
    { preamble: preamble(ctx, title, args) },
  );
  const types = { call: rt('type_call', lang), sms: rt('type_sms', lang), data: rt('type_data', lang) };
  const directions = { outgoing: rt('direction_outgoing', lang), incoming: rt('direction_incoming', lang) };
  const total = new Sum();
  const rows = await forEachBatch(
    ctx.db,
    usageQuery({
      companyId: ctx.company.id,
      numberId: args.numberId,
      from: almatyDayStart(args.from),
      to: almatyDayStart(addDays(args.to, 1)),
    }),
    async (batch) => {
      const values: CellValue[][] = new Array(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const r = batch[i]!;
        total.add(r.cost_tiyn);
        values[i] = [
          book.serial(r.occurred_ms),
          types[r.type],
          directions[r.direction],
          r.other_party,
          r.duration_seconds,
          r.volume_kb === null ? null : Math.round((Number(r.volume_kb) / 1024) * 100) / 100,
          tiynDecimal(r.cost_tiyn),
        ];
      }
      await sheet.addRows(values);
      await ctx.onBatch?.(sheet.rowCount);
    },
  );
  await sheet.addRow([rt('total', lang), null, null, null, null, null, total.amount], { bold: true });
  await book.finish();
  return { rows, contentType: XLSX_TYPE, extension: 'xlsx' };
}

/** List of numbers (F32): number, billing method, credit limit, debt, balance, remaining limit, tariff, status. */
export async function buildNumbersXlsx(ctx: BuildContext, out: Writable): Promise<Built> {
  const { lang } = ctx;
  const book = xlsxWriter(out, ctx);
  const sheet = await book.addSheet(
    rt('numbers_sheet', lang),
    [
      col(lang, 'col_number', 14),
      few(lang, 'col_billing_method', 24),
      col(lang, 'col_credit_limit', 16, 'money'),
      col(lang, 'col_debt', 14, 'money'),
      col(lang, 'col_balance', 14, 'money'),
      col(lang, 'col_remaining_limit', 18, 'money'),
      few(lang, 'col_tariff', 30),
      few(lang, 'col_status', 20),
    ],
    { preamble: preamble(ctx, rt('numbers_title', lang)) },
  );
  const rows = await forEachBatch(ctx.db, numbersQuery(ctx.company.id), async (batch) => {
    await sheet.addRows(
      batch.map((r) => {
        const f = numberFigures(r);
        return [
          r.msisdn,
          rt(`billing_${r.billing_method}`, lang),
          tiynToAmount(f.creditLimit),
          tiynToAmount(f.debt),
          tiynToAmount(f.balance),
          tiynToAmount(f.remaining),
          r.tariff_name,
          rt(`status_${r.status}`, lang),
        ];
      }),
    );
    await ctx.onBatch?.(sheet.rowCount);
  });
  await book.finish();
  return { rows, contentType: XLSX_TYPE, extension: 'xlsx' };
}

/**
 * A number's figures: debt is the negative part of the balance; the remaining credit limit is the
 * limit less the debt and the reserved amount (never below zero; advance accounts have none).
 */
export function numberFigures(r: { credit_limit_tiyn: string; balance_tiyn: string; reserved_tiyn: string }) {
  const creditLimit = BigInt(r.credit_limit_tiyn);
  const balance = BigInt(r.balance_tiyn);
  const debt = balance < 0n ? -balance : 0n;
  const spendable = balance - BigInt(r.reserved_tiyn);
  const used = spendable < 0n ? -spendable : 0n;
  const remaining = creditLimit > used ? creditLimit - used : 0n;
  return { creditLimit, balance, debt, remaining };
}

/** Invoice register (F34): invoices issued in the period, with totals. */
export async function buildInvoiceRegisterXlsx(
  ctx: BuildContext,
  out: Writable,
  period: { from: string; to: string },
): Promise<Built> {
  const { lang } = ctx;
  const book = xlsxWriter(out, ctx);
  const sheet = await book.addSheet(
    rt('register_sheet', lang),
    [
      col(lang, 'col_invoice_number', 16),
      col(lang, 'col_e_invoice', 28),
      col(lang, 'col_issued_on', 12, 'date'),
      col(lang, 'col_billing_period', 12),
      col(lang, 'col_account', 14),
      col(lang, 'col_net', 18, 'money'),
      col(lang, 'col_vat', 14, 'money'),
      col(lang, 'col_total', 18, 'money'),
    ],
    { preamble: preamble(ctx, rt('register_title', lang), period) },
  );
  const net = new Sum();
  const vat = new Sum();
  const total = new Sum();
  const rows = await forEachBatch(
    ctx.db,
    invoiceRegisterQuery(ctx.company.id, almatyDayStart(period.from), almatyDayStart(addDays(period.to, 1))),
    async (batch) => {
      await sheet.addRows(
        batch.map((r) => {
          const n = BigInt(r.total_tiyn) - BigInt(r.vat_tiyn);
          net.add(n);
          vat.add(r.vat_tiyn);
          total.add(r.total_tiyn);
          return [
            r.invoice_number,
            r.e_invoice_number,
            r.issued_at,
            `${r.period.slice(5, 7)}.${r.period.slice(0, 4)}`,
            r.account_number,
            tiynToAmount(n),
            tiynToAmount(r.vat_tiyn),
            tiynToAmount(r.total_tiyn),
          ];
        }),
      );
      await ctx.onBatch?.(sheet.rowCount);
    },
  );
  await sheet.addRow([rt('total', lang), null, null, null, null, net.amount, vat.amount, total.amount], {
    bold: true,
  });
  await book.finish();
  return { rows, contentType: XLSX_TYPE, extension: 'xlsx' };
}

/** Payments report (F37): the company's payments in the period, allocated or not. */
export async function buildPaymentsXlsx(
  ctx: BuildContext,
  out: Writable,
  period: { from: string; to: string },
): Promise<Built> {
  const { lang } = ctx;
  const book = xlsxWriter(out, ctx);
  const sheet = await book.addSheet(
    rt('payments_sheet', lang),
    [
      col(lang, 'col_paid_on', 12, 'date'),
      col(lang, 'col_order_number', 22),
      col(lang, 'col_account', 16),
      col(lang, 'col_amount', 16, 'money'),
      few(lang, 'col_allocation', 18),
      col(lang, 'col_allocated_on', 14, 'date'),
    ],
    { preamble: preamble(ctx, rt('payments_title', lang), period) },
  );
  const total = new Sum();
  const rows = await forEachBatch(ctx.db, paymentsQuery(ctx.company.id, period.from, period.to), async (batch) => {
    await sheet.addRows(
      batch.map((r) => {
        total.add(r.amount_tiyn);
        return [
          dateCell(r.paid_on),
          r.order_number,
          r.account_number ?? r.raw_account,
          tiynToAmount(r.amount_tiyn),
          rt(r.account_number ? 'payment_allocated' : 'payment_unallocated', lang),
          r.allocated_on ? dateCell(r.allocated_on) : null,
        ];
      }),
    );
    await ctx.onBatch?.(sheet.rowCount);
  });
  await sheet.addRow([rt('total', lang), null, null, total.amount], { bold: true });
  await book.finish();
  return { rows, contentType: XLSX_TYPE, extension: 'xlsx' };
}

/** A calendar date as a date cell (its Almaty midnight). */
function dateCell(date: string): Date {
  return almatyDayStart(date);
}

/** Registered devices (F36): IMEIs currently registered to the company's numbers. */
export async function buildDevicesXlsx(ctx: BuildContext, out: Writable): Promise<Built> {
  const { lang } = ctx;
  const book = xlsxWriter(out, ctx);
  const sheet = await book.addSheet(
    rt('devices_sheet', lang),
    [
      col(lang, 'col_number', 14),
      col(lang, 'col_imei', 18),
      few(lang, 'col_registration_kind', 26),
      col(lang, 'col_registered_on', 18, 'datetime'),
    ],
    { preamble: preamble(ctx, rt('devices_title', lang)) },
  );
  const rows = await forEachBatch(ctx.db, devicesQuery(ctx.company.id), async (batch) => {
    await sheet.addRows(
      batch.map((r) => [r.msisdn, r.imei, rt(`registration_${r.kind}`, lang), new Date(r.registered_at)]),
    );
    await ctx.onBatch?.(sheet.rowCount);
  });
  await book.finish();
  return { rows, contentType: XLSX_TYPE, extension: 'xlsx' };
}

// ---------------------------------------------------------------------------------------------
// Reconciliation statement (F35), PDF

export interface OperatorRequisites {
  name: string;
  bin: string;
  address: string;
}

const SERVICES = [
  'service_mobile',
  'service_fixed_internet',
  'service_vehicle_monitoring',
  'service_telemetry',
  'service_contract_phones',
] as const;

/**
 * Opening balance, then every invoice (debit: the company owes) and payment (credit) in date
 * order, the turnovers, the closing balance, and the charges by service.
 */
export async function buildReconciliationPdf(
  ctx: BuildContext,
  out: Writable,
  period: { from: string; to: string },
  operator: OperatorRequisites,
): Promise<Built> {
  const { lang } = ctx;
  const money = (tiyn: bigint | string) => formatMoney(tiyn, lang).replace(/\u00a0₸$/, '');
  const doc = createPdf(out, { title: rt('reconciliation_title', lang), lang });
  const fromInstant = almatyDayStart(period.from);
  const toInstant = almatyDayStart(addDays(period.to, 1));
  heading(doc, rt('reconciliation_title', lang));
  paragraph(
    doc,
    rt('reconciliation_subtitle', lang, {
      operator: operator.name,
      company: ctx.company.full_name,
      from: formatDate(period.from),
      to: formatDate(period.to),
    }),
    { gap: 0.5 },
  );
  paragraph(doc, `${rt('executor', lang)}: ${requisites(lang, operator)}`);
  paragraph(doc, `${rt('customer', lang)}: ${requisites(lang, companyRequisites(ctx.company))}`, { gap: 0.5 });
  paragraph(doc, rt('reconciliation_services', lang), { gap: 0.5 });

  const table = new PdfTable(doc, [
    { header: rt('col_date', lang), weight: 12 },
    { header: rt('col_document', lang), weight: 52 },
    { header: rt('col_debit', lang), weight: 18, align: 'right' },
    { header: rt('col_credit', lang), weight: 18, align: 'right' },
  ]);
  table.header();
  const opening = await openingBalance(ctx.db, ctx.company.id, fromInstant, period.from);
  table.row(
    [
      formatDate(period.from),
      rt('opening_balance', lang),
      opening > 0n ? money(opening) : '',
      opening < 0n ? money(-opening) : '',
    ],
    { bold: true },
  );
  const debit = new Sum();
  const credit = new Sum();
  const byService = new Map<(typeof SERVICES)[number], Sum>(SERVICES.map((s) => [s, new Sum()]));
  let seen = 0;
  const rows = await forEachBatch(
    ctx.db,
    reconciliationQuery(ctx.company.id, { ...period, fromInstant, toInstant }),
    async (batch) => {
      for (const e of batch) {
        debit.add(e.debit_tiyn);
        credit.add(e.credit_tiyn);
        if (e.kind === 'i') {
          byService.get('service_contract_phones')?.add(e.instalment_tiyn);
          byService.get('service_mobile')?.add(BigInt(e.debit_tiyn) - BigInt(e.instalment_tiyn));
        }
        const document =
          e.kind === 'i'
            ? rt('doc_invoice', lang, { number: e.ref, account: e.account_number ?? '' })
            : rt(e.unallocated ? 'doc_payment_unallocated' : 'doc_payment', lang, {
                number: e.ref.split(' ')[0] ?? '',
              });
        table.row([
          formatDate(e.day),
          document,
          e.kind === 'i' ? money(e.debit_tiyn) : '',
          e.kind === 'p' ? money(e.credit_tiyn) : '',
        ]);
      }
      seen += batch.length;
      await ctx.onBatch?.(seen);
    },
  );
  table.row(['', rt('turnover', lang), money(debit.value), money(credit.value)], { bold: true });
  const closing = opening + debit.value - credit.value;
  table.row(
    [
      formatDate(period.to),
      rt('closing_balance', lang),
      closing > 0n ? money(closing) : '',
      closing < 0n ? money(-closing) : '',
    ],
    { bold: true },
  );
  doc.moveDown(1);
  paragraph(doc, rt('by_service', lang), { bold: true });
  const services = new PdfTable(doc, [
    { header: rt('col_service', lang), weight: 70 },
    { header: rt('col_debit', lang), weight: 30, align: 'right' },
  ]);
  services.header();
  for (const s of SERVICES) services.row([rt(s, lang), money(byService.get(s)?.value ?? 0n)]);
  doc.moveDown(1);
  const names = { company: ctx.company.full_name, operator: operator.name };
  const outcome =
    closing > 0n
      ? rt('debt_to_operator', lang, { ...names, amount: formatMoney(closing, lang) })
      : closing < 0n
        ? rt('overpaid', lang, { ...names, amount: formatMoney(-closing, lang) })
        : rt('settled', lang);
  paragraph(doc, outcome, { bold: true, gap: 0.5 });
  paragraph(doc, rt('reconciliation_valid', lang, { at: formatDateTime(ctx.now) }), { gap: 1.5 });
  signatures(doc, lang, operator.name, ctx.company.full_name);
  await endPdf(doc, out);
  return { rows, contentType: PDF_TYPE, extension: 'pdf' };
}

export function companyRequisites(c: CompanyRow): OperatorRequisites {
  return { name: c.full_name, bin: c.bin, address: c.legal_address ?? '' };
}

export function requisites(lang: Language, r: OperatorRequisites): string {
  return rt('requisites', lang, { name: r.name, bin: r.bin, address: r.address }).replace(/, $/, '');
}

export function signatures(doc: PDFKit.PDFDocument, lang: Language, operator: string, customer: string) {
  const y = doc.y;
  const width = (doc.page.width - 80) / 2 - 10;
  doc.font('bold').text(rt('operator_side', lang, { name: operator }), 40, y, { width });
  doc.font('regular').text(rt('signature', lang), 40, doc.y + 14, { width });
  const left = doc.y;
  doc.font('bold').text(rt('customer_side', lang, { name: customer }), 40 + width + 20, y, { width });
  doc.font('regular').text(rt('signature', lang), 40 + width + 20, doc.y + 14, { width });
  doc.x = 40;
  doc.y = Math.max(left, doc.y);
}
