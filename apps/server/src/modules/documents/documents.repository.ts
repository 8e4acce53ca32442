/** SQL of the invoice documents (F30, F33, F39). Every query filters by company. */
import type { Queryable } from '../../db/client.js';
import type { BatchQuery } from '../reports/batches.js';

export interface InvoiceRow {
  id: string;
  invoice_number: string;
  e_invoice_number: string | null;
  /** `YYYY-MM` of the billed month. */
  period: string;
  issued_at: Date;
  total_tiyn: string;
  vat_tiyn: string;
  account_id: string;
  account_number: string;
}

const SELECT_INVOICE = `
  SELECT i.id, i.invoice_number, i.e_invoice_number, to_char(i.period, 'YYYY-MM') AS period, i.issued_at,
         i.total_tiyn, i.vat_tiyn, i.account_id, pa.account_number
    FROM invoices i JOIN personal_accounts pa ON pa.id = i.account_id`;

export async function findInvoice(
  db: Queryable,
  companyId: string,
  by: { invoiceNumber: string } | { registrationNumber: string },
): Promise<InvoiceRow | undefined> {
  const [column, value] =
    'invoiceNumber' in by ? ['i.invoice_number', by.invoiceNumber] : ['i.e_invoice_number', by.registrationNumber];
  const { rows } = await db.query<InvoiceRow>(`${SELECT_INVOICE} WHERE i.company_id = $1 AND ${column} = $2`, [
    companyId,
    value,
  ]);
  return rows[0];
}

/** The invoice of a personal account of the company for a month (`YYYY-MM`). */
export async function findInvoiceOfAccount(
  db: Queryable,
  companyId: string,
  accountNumber: string,
  month: string,
): Promise<InvoiceRow | undefined> {
  const { rows } = await db.query<InvoiceRow>(
    `${SELECT_INVOICE} WHERE i.company_id = $1 AND pa.company_id = $1 AND pa.account_number = $2
        AND i.period = to_date($3, 'YYYY-MM')`,
    [companyId, accountNumber, month],
  );
  return rows[0];
}

/**
 * The numbers an invoice is for: those with lines on it; for an invoice summarised per category
 * (no number on its lines), the account's numbers connected before the month ended and not
 * terminated before it began.
 */
export async function invoiceNumbers(db: Queryable, companyId: string, invoice: InvoiceRow): Promise<string[]> {
  const lines = await db.query<{ msisdn: string }>(
    `SELECT DISTINCT n.msisdn FROM invoice_lines l JOIN numbers n ON n.id = l.number_id
      WHERE l.invoice_id = $1 AND n.company_id = $2 ORDER BY n.msisdn`,
    [invoice.id, companyId],
  );
  if (lines.rows.length > 0) return lines.rows.map((r) => r.msisdn);
  const { rows } = await db.query<{ msisdn: string }>(
    `SELECT n.msisdn FROM numbers n
      WHERE n.company_id = $1 AND n.account_id = $2
        AND n.created_at < (to_date($3, 'YYYY-MM') + interval '1 month')
        AND NOT (n.status = 'terminated' AND n.status_changed_at < to_date($3, 'YYYY-MM'))
      ORDER BY n.msisdn`,
    [companyId, invoice.account_id, invoice.period],
  );
  return rows.map((r) => r.msisdn);
}

export type LineCategory = 'subscription' | 'calls' | 'sms' | 'data' | 'services' | 'instalment' | 'other';

/** The invoice's amounts per category, in the categories' usual order. */
export async function categoryTotals(
  db: Queryable,
  invoiceId: string,
): Promise<{ category: LineCategory; amount_tiyn: string }[]> {
  const { rows } = await db.query<{ category: LineCategory; amount_tiyn: string }>(
    `SELECT category, sum(amount_tiyn)::bigint AS amount_tiyn FROM invoice_lines WHERE invoice_id = $1
      GROUP BY category
      ORDER BY array_position(ARRAY['subscription', 'calls', 'sms', 'data', 'services', 'instalment', 'other'], category)`,
    [invoiceId],
  );
  return rows;
}

export interface InvoiceLineRow {
  id: string;
  msisdn: string | null;
  sort_msisdn: string;
  category: LineCategory;
  description: string;
  amount_tiyn: string;
}

/** The invoice's lines, number by number (account-level lines first). */
export function invoiceLinesQuery(invoiceId: string): BatchQuery<InvoiceLineRow> {
  return {
    columns: `l.id, n.msisdn, coalesce(n.msisdn, '') AS sort_msisdn, l.category, l.description, l.amount_tiyn`,
    from: 'FROM invoice_lines l LEFT JOIN numbers n ON n.id = l.number_id',
    where: 'l.invoice_id = $1',
    params: [invoiceId],
    order: [`coalesce(n.msisdn, '')`, 'l.id'],
    key: (r) => [r.sort_msisdn, r.id],
  };
}
