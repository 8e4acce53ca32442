/**
 * Invoice documents (F30, F33, F39): numbers by invoice, the service delivery certificate and the
 * invoice breakdown, made at once. Every download or search is in the actions history.
 */
import { PassThrough, type Writable } from 'node:stream';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Language } from '../../lib/i18n.js';
import { money } from '../../lib/money.js';
import { recordAction } from '../actions/actions.service.js';
import type { Built, OperatorRequisites } from '../reports/report-builders.js';
import { rt } from '../reports/report-texts.js';
import { databaseNow, findCompany } from '../reports/reports.repository.js';
import { findInvoice, findInvoiceOfAccount, type InvoiceRow, invoiceNumbers } from './documents.repository.js';
import {
  buildBreakdownPdf,
  buildBreakdownXlsx,
  buildCertificatePdf,
  buildLookupXlsx,
  type DocumentContext,
} from './invoice-documents.js';

export interface Actor {
  administratorId: string;
  ip: string | null;
}

export interface FileDownload {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Collects a document written to a stream (documents of one invoice are small). */
async function collect(write: (out: Writable) => Promise<Built>): Promise<{ built: Built; content: Buffer }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const built = await write(out);
  if (!out.writableEnded) out.end();
  await new Promise<void>((resolve) => (out.readableEnded ? resolve() : out.once('end', resolve)));
  return { built, content: Buffer.concat(chunks) };
}

export class DocumentsService {
  private readonly operator: OperatorRequisites;

  constructor(private readonly ctx: AppContext) {
    const c = ctx.config;
    this.operator = { name: c.OPERATOR_NAME, bin: c.OPERATOR_BIN, address: c.OPERATOR_ADDRESS };
  }

  private async context(companyId: string, lang: Language): Promise<DocumentContext> {
    const company = await findCompany(this.ctx.db, companyId);
    if (!company) throw notFound();
    return { db: this.ctx.db, lang, company, operator: this.operator, now: await databaseNow(this.ctx.db) };
  }

  private audit(companyId: string, actor: Actor, action: string, ok: boolean, target: string, details: object) {
    return recordAction(this.ctx.db, {
      action,
      status: ok ? 'success' : 'failure',
      administratorId: actor.administratorId,
      companyId,
      target,
      details: { ...details },
      ip: actor.ip,
    });
  }

  /** Find numbers by invoice (F30): by invoice number or e-invoice registration number, this company's only. */
  async lookup(
    companyId: string,
    q: { invoiceNumber?: string; registrationNumber?: string; format: 'json' | 'xlsx' },
    actor: Actor,
    lang: Language,
  ) {
    if (!q.invoiceNumber && !q.registrationNumber) {
      throw new AppError('invoice_lookup_key_required', 400, {
        fields: [{ field: 'invoiceNumber', code: 'invoice_lookup_key_required' }],
      });
    }
    if (q.invoiceNumber && q.registrationNumber) {
      throw new AppError('invoice_lookup_key_required', 400, {
        fields: [{ field: 'registrationNumber', code: 'invoice_lookup_key_required' }],
      });
    }
    const by = q.invoiceNumber
      ? { invoiceNumber: q.invoiceNumber }
      : { registrationNumber: q.registrationNumber as string };
    const target = q.invoiceNumber ?? (q.registrationNumber as string);
    const details = { ...by, output: q.format === 'xlsx' ? 'file' : 'screen' };
    const invoice = await findInvoice(this.ctx.db, companyId, by);
    if (!invoice) {
      await this.audit(companyId, actor, 'invoice.find_numbers', false, target, { ...details, reason: 'not_found' });
      throw new AppError('invoice_not_found', 404);
    }
    const numbers = await invoiceNumbers(this.ctx.db, companyId, invoice);
    await this.audit(companyId, actor, 'invoice.find_numbers', true, invoice.invoice_number, {
      ...details,
      numbers: numbers.length,
    });
    if (q.format === 'xlsx') {
      const ctx = await this.context(companyId, lang);
      const { content } = await collect((out) => buildLookupXlsx(ctx, out, invoice, numbers));
      return {
        file: {
          fileName: `${rt('lookup_file', lang)}-${invoice.invoice_number}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          content,
        } satisfies FileDownload,
      };
    }
    return {
      json: {
        invoice: presentInvoice(invoice),
        items: numbers.map((msisdn) => ({ msisdn, invoiceNumber: invoice.invoice_number })),
      },
    };
  }

  /** Service delivery certificate (F33) of an invoice of this company, as a PDF. */
  async certificate(companyId: string, invoiceNumber: string, actor: Actor, lang: Language): Promise<FileDownload> {
    const invoice = await findInvoice(this.ctx.db, companyId, { invoiceNumber });
    if (!invoice) {
      await this.audit(companyId, actor, 'document.certificate', false, invoiceNumber, { reason: 'not_found' });
      throw new AppError('invoice_not_found', 404);
    }
    const ctx = await this.context(companyId, lang);
    const { content } = await collect((out) => buildCertificatePdf(ctx, out, invoice));
    await this.audit(companyId, actor, 'document.certificate', true, invoiceNumber, {});
    return {
      fileName: `${rt('certificate_file', lang)}-${invoiceNumber}.pdf`,
      contentType: 'application/pdf',
      content,
    };
  }

  /** Invoice breakdown (F39) of a personal account for a month, as PDF or XLSX. */
  async breakdown(
    companyId: string,
    q: { account: string; month: string; format: 'pdf' | 'xlsx' },
    actor: Actor,
    lang: Language,
  ): Promise<FileDownload> {
    const target = `${q.account} ${q.month}`;
    const invoice = await findInvoiceOfAccount(this.ctx.db, companyId, q.account, q.month);
    if (!invoice) {
      await this.audit(companyId, actor, 'document.invoice_breakdown', false, target, {
        ...q,
        reason: 'not_found',
      });
      throw new AppError('invoice_breakdown_not_found', 404, {}, { account: q.account, month: q.month });
    }
    const ctx = await this.context(companyId, lang);
    const { built, content } = await collect((out) =>
      q.format === 'xlsx' ? buildBreakdownXlsx(ctx, out, invoice) : buildBreakdownPdf(ctx, out, invoice),
    );
    await this.audit(companyId, actor, 'document.invoice_breakdown', true, target, { ...q });
    return {
      fileName: `${rt('breakdown_file', lang)}-${q.account}-${q.month}.${built.extension}`,
      contentType: built.contentType,
      content,
    };
  }
}

export function presentInvoice(i: InvoiceRow) {
  return {
    invoiceNumber: i.invoice_number,
    registrationNumber: i.e_invoice_number,
    accountNumber: i.account_number,
    period: i.period,
    issuedAt: new Date(i.issued_at).toISOString(),
    total: money(i.total_tiyn),
  };
}
