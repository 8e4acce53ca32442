/**
 * Documents of one invoice: the service delivery certificate (F33, PDF) and the invoice breakdown
 * (F39, PDF or XLSX). Lines stream from the database in batches.
 */

import type { Writable } from 'node:stream';
import { almatyDateOf } from '@portal/calendar';
import type { Db } from '../../db/client.js';
import type { Language } from '../../lib/i18n.js';
import { tiynToAmount } from '../../lib/money.js';
import { forEachBatch } from '../reports/batches.js';
import { formatDate, formatDateTime } from '../reports/dates.js';
import {
  type Built,
  companyRequisites,
  type OperatorRequisites,
  PDF_TYPE,
  requisites,
  signatures,
  XLSX_TYPE,
  xlsxWriter,
} from '../reports/report-builders.js';
import { monthName, type ReportTextKey, rt } from '../reports/report-texts.js';
import type { CompanyRow } from '../reports/reports.repository.js';
import { amountInWords, formatMoney } from './amount-in-words.js';
import { categoryTotals, type InvoiceRow, invoiceLinesQuery } from './documents.repository.js';
import { createPdf, endPdf, heading, PdfTable, paragraph } from './pdf.js';

export interface DocumentContext {
  db: Db;
  lang: Language;
  company: CompanyRow;
  operator: OperatorRequisites;
  now: Date;
}

const categoryName = (category: string, lang: Language) => rt(`category_${category}` as ReportTextKey, lang);

function amount(tiyn: bigint | string, lang: Language): string {
  return formatMoney(tiyn, lang).replace(/\u00a0₸$/, '');
}

function invoiceReference(ctx: DocumentContext, invoice: InvoiceRow): string {
  return rt('invoice_ref', ctx.lang, {
    number: invoice.invoice_number,
    eInvoice: invoice.e_invoice_number ?? '—',
    account: invoice.account_number,
    period: monthName(invoice.period, ctx.lang),
  });
}

/** The lines table of an invoice, number by number, with the total. */
async function linesTable(ctx: DocumentContext, doc: PDFKit.PDFDocument, invoice: InvoiceRow): Promise<number> {
  const { lang } = ctx;
  const table = new PdfTable(doc, [
    { header: rt('col_number', lang), weight: 16 },
    { header: rt('col_service_name', lang), weight: 24 },
    { header: rt('col_description', lang), weight: 44 },
    { header: rt('col_amount', lang), weight: 16, align: 'right' },
  ]);
  table.header();
  const rows = await forEachBatch(ctx.db, invoiceLinesQuery(invoice.id), async (batch) => {
    for (const l of batch) {
      table.row([
        l.msisdn ?? rt('account_level', lang),
        categoryName(l.category, lang),
        l.description,
        amount(l.amount_tiyn, lang),
      ]);
    }
  });
  table.row(['', '', rt('total', lang), amount(invoice.total_tiyn, lang)], { bold: true });
  return rows;
}

/**
 * Certificate of completed works (F33): parties with their requisites, the invoice's services by
 * category, totals without and with VAT, the total in words, then the breakdown by number.
 */
export async function buildCertificatePdf(ctx: DocumentContext, out: Writable, invoice: InvoiceRow): Promise<Built> {
  const { lang } = ctx;
  const title = rt('certificate_title', lang, { number: invoice.invoice_number });
  const doc = createPdf(out, { title, lang });
  heading(doc, title);
  paragraph(doc, rt('dated', lang, { date: formatDate(almatyDateOf(invoice.issued_at)) }), { gap: 0.8 });
  paragraph(doc, `${rt('executor', lang)}: ${requisites(lang, ctx.operator)}`);
  paragraph(doc, `${rt('customer', lang)}: ${requisites(lang, companyRequisites(ctx.company))}`, { gap: 0.5 });
  paragraph(doc, invoiceReference(ctx, invoice), { gap: 0.8 });

  const services = new PdfTable(doc, [
    { header: rt('col_no', lang), weight: 6, align: 'center' },
    { header: rt('col_service_name', lang), weight: 70 },
    { header: rt('col_amount', lang), weight: 24, align: 'right' },
  ]);
  services.header();
  const totals = await categoryTotals(ctx.db, invoice.id);
  totals.forEach((c, i) => {
    services.row([String(i + 1), categoryName(c.category, lang), amount(c.amount_tiyn, lang)]);
  });
  const total = BigInt(invoice.total_tiyn);
  const vat = BigInt(invoice.vat_tiyn);
  services.row(['', rt('net_total', lang), amount(total - vat, lang)], { bold: true });
  services.row(['', rt('vat_total', lang), amount(vat, lang)], { bold: true });
  services.row(['', rt('grand_total', lang), amount(total, lang)], { bold: true });
  doc.moveDown(0.5);
  paragraph(doc, rt('in_words', lang, { words: amountInWords(total, lang) }), { bold: true, gap: 0.5 });
  paragraph(doc, rt('certificate_statement', lang), { gap: 1 });
  signatures(doc, lang, ctx.operator.name, ctx.company.full_name);

  doc.addPage();
  heading(doc, rt('breakdown_by_number', lang), 11);
  paragraph(doc, invoiceReference(ctx, invoice), { gap: 0.5 });
  const rows = await linesTable(ctx, doc, invoice);
  await endPdf(doc, out);
  return { rows, contentType: PDF_TYPE, extension: 'pdf' };
}

/** Invoice breakdown (F39) as PDF: every line of the invoice, number by number. */
export async function buildBreakdownPdf(ctx: DocumentContext, out: Writable, invoice: InvoiceRow): Promise<Built> {
  const { lang } = ctx;
  const doc = createPdf(out, { title: rt('breakdown_title', lang), lang });
  heading(doc, rt('breakdown_title', lang));
  paragraph(
    doc,
    rt('breakdown_heading', lang, {
      account: invoice.account_number,
      period: monthName(invoice.period, lang),
      number: invoice.invoice_number,
    }),
  );
  paragraph(doc, `${rt('customer', lang)}: ${requisites(lang, companyRequisites(ctx.company))}`);
  paragraph(doc, rt('generated', lang, { at: formatDateTime(ctx.now) }), { gap: 0.5 });
  const rows = await linesTable(ctx, doc, invoice);
  await endPdf(doc, out);
  return { rows, contentType: PDF_TYPE, extension: 'pdf' };
}

/** Invoice breakdown (F39) as XLSX. */
export async function buildBreakdownXlsx(ctx: DocumentContext, out: Writable, invoice: InvoiceRow): Promise<Built> {
  const { lang } = ctx;
  const book = xlsxWriter(out, { lang });
  const sheet = await book.addSheet(
    rt('breakdown_title', lang),
    [
      { header: rt('col_number', lang), width: 16 },
      { header: rt('col_service_name', lang), width: 30 },
      { header: rt('col_description', lang), width: 60 },
      { header: rt('col_amount', lang), width: 16, style: 'money' },
    ],
    {
      preamble: [
        rt('breakdown_title', lang),
        rt('breakdown_heading', lang, {
          account: invoice.account_number,
          period: monthName(invoice.period, lang),
          number: invoice.invoice_number,
        }),
        rt('company', lang, { name: ctx.company.full_name, bin: ctx.company.bin }),
        rt('generated', lang, { at: formatDateTime(ctx.now) }),
      ],
    },
  );
  const rows = await forEachBatch(ctx.db, invoiceLinesQuery(invoice.id), async (batch) => {
    await sheet.addRows(
      batch.map((l) => [
        l.msisdn ?? rt('account_level', lang),
        categoryName(l.category, lang),
        l.description,
        tiynToAmount(l.amount_tiyn),
      ]),
    );
  });
  await sheet.addRow([rt('total', lang), null, null, tiynToAmount(invoice.total_tiyn)], { bold: true });
  await book.finish();
  return { rows, contentType: XLSX_TYPE, extension: 'xlsx' };
}

/** Numbers found by invoice (F30) as XLSX: phone number, invoice number (the manual's two columns). */
export async function buildLookupXlsx(
  ctx: Pick<DocumentContext, 'lang' | 'company' | 'now'>,
  out: Writable,
  invoice: InvoiceRow,
  numbers: readonly string[],
): Promise<Built> {
  const { lang } = ctx;
  const book = xlsxWriter(out, { lang });
  const sheet = await book.addSheet(
    rt('lookup_sheet', lang),
    [
      { header: rt('col_phone', lang), width: 18 },
      { header: rt('col_invoice_number', lang), width: 18 },
    ],
    {
      preamble: [
        rt('lookup_title', lang, { invoice: invoice.invoice_number }),
        rt('company', lang, { name: ctx.company.full_name, bin: ctx.company.bin }),
        rt('generated', lang, { at: formatDateTime(ctx.now) }),
      ],
    },
  );
  await sheet.addRows(numbers.map((m) => [m, invoice.invoice_number]));
  await book.finish();
  return { rows: numbers.length, contentType: XLSX_TYPE, extension: 'xlsx' };
}
