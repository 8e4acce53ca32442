/**
 * The billing run (O4): closes one month. For every personal account with numbers live in that
 * month it issues one invoice — lines per number and category: subscription fee (tariff), fees of
 * active services, usage (calls, SMS, data from usage_records of the month), contract-phone
 * instalments — and posts the invoice's total to the ledger (each number −its lines, operator
 * revenue +total) in the same database transaction.
 *
 * Idempotent: an account that already has an invoice for the month is skipped, so running a
 * month twice (or after a crash half-way) changes nothing that was done and finishes the rest.
 * This covers the demo's invoices too: they are documents whose charges the demo's opening
 * balances already contain, so the run leaves those accounts alone instead of charging them again.
 *
 * Numbers: invoice `3` + YYMM + the 8-digit personal account number (13 digits, deterministic
 * from account and period, unique; the demo's own invoices start with `30`); e-invoice
 * registration `KZ-ESF-YYYYMM-9` + the same 8 digits. An account number that is not 8 digits is
 * replaced by 8 digits of a hash of the account's id.
 */
import { createHash } from 'node:crypto';
import { almatyTime } from '@portal/calendar';
import type { Db } from '../../db/client.js';
import { ensureNumberAccounts, operatorAccount, post } from './ledger.js';

export interface BillingOptions {
  /** `YYYY-MM` */
  month: string;
  /** Only this company (by BIN). */
  companyBin?: string;
  /** "Now", to refuse a month that is not over yet. */
  now?: Date;
}

export interface BillingReport {
  month: string;
  companies: number;
  invoicesCreated: number;
  linesCreated: number;
  totalTiyn: bigint;
  /** Accounts that already had their invoice for the month (earlier run or demo data). */
  alreadyInvoiced: number;
  errors: { accountNumber: string; message: string }[];
}

export class BillingRunError extends Error {}

const VAT_RATE_PERCENT = 12n;

interface ChargeRow {
  account_id: string;
  account_number: string;
  number_id: string;
  msisdn: string;
  category: 'subscription' | 'services' | 'calls' | 'sms' | 'data' | 'instalment';
  description: string;
  amount: string;
}

export function parseMonth(month: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(m?.[1]);
  const mon = Number(m?.[2]);
  if (!m || mon < 1 || mon > 12 || year < 2000 || year > 2099) {
    throw new BillingRunError(`--month must be YYYY-MM (e.g. 2026-10), not "${month}"`);
  }
  return { year, month: mon - 1 };
}

/** 13 digits: 3, YYMM, and the account number (or 8 digits of a hash of the account id). */
export function invoiceNumberFor(accountNumber: string, accountId: string, month: string): string {
  return `3${month.slice(2, 4)}${month.slice(5, 7)}${accountDigits(accountNumber, accountId)}`;
}

export function eInvoiceNumberFor(accountNumber: string, accountId: string, month: string): string {
  return `KZ-ESF-${month.replace('-', '')}-9${accountDigits(accountNumber, accountId)}`;
}

function accountDigits(accountNumber: string, accountId: string): string {
  if (/^\d{8}$/.test(accountNumber)) return accountNumber;
  const h = BigInt(`0x${createHash('sha256').update(accountId).digest('hex').slice(0, 15)}`);
  return (h % 100_000_000n).toString().padStart(8, '0');
}

/** Closes the month: one invoice per live account, posted to the ledger. */
export async function runBilling(db: Db, opts: BillingOptions): Promise<BillingReport> {
  const { year, month } = parseMonth(opts.month);
  const start = almatyTime(year, month, 1);
  const end = almatyTime(year, month + 1, 1);
  const now = opts.now ?? new Date();
  if (end > now) throw new BillingRunError(`${opts.month} is not over yet: it can be billed from ${end.toISOString()}`);
  const period = `${opts.month}-01`;
  await db.query('SELECT ensure_usage_partition($1::date)', [period]);
  const revenue = await db.transaction((tx) => operatorAccount(tx, 'operator_revenue'));

  const { rows: companies } = await db.query<{ id: string }>(
    'SELECT id FROM companies WHERE ($1::text IS NULL OR bin = $1) ORDER BY bin',
    [opts.companyBin ?? null],
  );
  if (opts.companyBin && companies.length === 0) throw new BillingRunError(`no company with BIN ${opts.companyBin}`);
  const already = await db.query<{ count: string }>(
    `SELECT count(*)::text AS count FROM invoices i JOIN companies c ON c.id = i.company_id
      WHERE i.period = $1::date AND ($2::text IS NULL OR c.bin = $2)`,
    [period, opts.companyBin ?? null],
  );
  const report: BillingReport = {
    month: opts.month,
    companies: companies.length,
    invoicesCreated: 0,
    linesCreated: 0,
    totalTiyn: 0n,
    alreadyInvoiced: Number(already.rows[0]?.count ?? 0),
    errors: [],
  };

  for (const company of companies) {
    const charges = await companyCharges(db, company.id, start, end, period);
    const byAccount = new Map<string, ChargeRow[]>();
    for (const c of charges) byAccount.set(c.account_id, [...(byAccount.get(c.account_id) ?? []), c]);
    for (const [accountId, lines] of byAccount) {
      const accountNumber = lines[0]?.account_number ?? '';
      try {
        const created = await invoiceAccount(db, {
          companyId: company.id,
          accountId,
          accountNumber,
          month: opts.month,
          period,
          lines,
          revenue,
        });
        if (created === 'exists') report.alreadyInvoiced += 1;
        else if (created !== 'empty') {
          report.invoicesCreated += 1;
          report.linesCreated += lines.length;
          report.totalTiyn += created.total;
        }
      } catch (err) {
        report.errors.push({ accountNumber, message: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return report;
}

/** Every charge of the month for the company's accounts that have no invoice for it yet. */
async function companyCharges(db: Db, companyId: string, start: Date, end: Date, period: string) {
  const { rows } = await db.query<ChargeRow>(
    `WITH live AS (
       SELECT n.id, n.account_id, pa.account_number, n.msisdn, n.tariff_code
         FROM numbers n JOIN personal_accounts pa ON pa.id = n.account_id
        WHERE n.company_id = $1 AND n.created_at < $3
          AND (n.status <> 'terminated' OR n.status_changed_at >= $2)
          AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.account_id = n.account_id AND i.period = $4::date)
     ), charges AS (
       SELECT l.account_id, l.account_number, l.id AS number_id, l.msisdn, 1 AS ord, 'subscription' AS category,
              'Абонентская плата по тарифу «' || t.name || '»' AS description, t.monthly_fee_tiyn AS amount
         FROM live l JOIN tariffs t ON t.code = l.tariff_code
        WHERE t.monthly_fee_tiyn > 0
       UNION ALL
       SELECT l.account_id, l.account_number, l.id, l.msisdn, 2, 'services',
              'Услуги: ' || string_agg(coalesce(s.name->>'ru', s.code), ', ' ORDER BY s.sort_order, s.code),
              sum(s.monthly_fee_tiyn)::bigint
         FROM live l
         JOIN number_services ns ON ns.number_id = l.id
         JOIN services s ON s.code = ns.service_code
        WHERE s.monthly_fee_tiyn > 0 AND ns.activated_at < $3
        GROUP BY l.account_id, l.account_number, l.id, l.msisdn
       UNION ALL
       SELECT l.account_id, l.account_number, l.id, l.msisdn,
              CASE u.type WHEN 'call' THEN 3 WHEN 'sms' THEN 4 ELSE 5 END,
              CASE u.type WHEN 'call' THEN 'calls' WHEN 'sms' THEN 'sms' ELSE 'data' END,
              CASE u.type WHEN 'call' THEN 'Исходящие звонки' WHEN 'sms' THEN 'Исходящие SMS'
                          ELSE 'Мобильный интернет сверх пакета' END,
              sum(u.cost_tiyn)::bigint
         FROM live l
         JOIN usage_records u ON u.number_id = l.id
        WHERE u.company_id = $1 AND u.occurred_at >= $2 AND u.occurred_at < $3
        GROUP BY l.account_id, l.account_number, l.id, l.msisdn, u.type
       HAVING sum(u.cost_tiyn) > 0
       UNION ALL
       SELECT l.account_id, l.account_number, l.id, l.msisdn, 6, 'instalment', 'Рассрочка: ' || c.device_name,
              c.monthly_payment_tiyn
         FROM live l JOIN contract_phones c ON c.number_id = l.id
        WHERE c.status <> 'terminated' AND c.monthly_payment_tiyn > 0
          AND date_trunc('month', c.activated_on)::date <= $4::date AND c.terminates_on >= $4::date
     )
     SELECT account_id, account_number, number_id, msisdn, category, description, amount::text AS amount
       FROM charges
      ORDER BY account_number, msisdn, ord, description`,
    [companyId, start.toISOString(), end.toISOString(), period],
  );
  return rows;
}

async function invoiceAccount(
  db: Db,
  a: {
    companyId: string;
    accountId: string;
    accountNumber: string;
    month: string;
    period: string;
    lines: ChargeRow[];
    revenue: string;
  },
): Promise<{ total: bigint } | 'exists' | 'empty'> {
  const total = a.lines.reduce((sum, l) => sum + BigInt(l.amount), 0n);
  if (total <= 0n) return 'empty';
  const invoiceNumber = invoiceNumberFor(a.accountNumber, a.accountId, a.month);
  return db.transaction(async (tx) => {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO invoices (company_id, account_id, invoice_number, e_invoice_number, period, issued_at, total_tiyn, vat_tiyn)
       VALUES ($1, $2, $3, $4, $5::date, now(), $6, $7)
       ON CONFLICT (account_id, period) DO NOTHING RETURNING id`,
      [
        a.companyId,
        a.accountId,
        invoiceNumber,
        eInvoiceNumberFor(a.accountNumber, a.accountId, a.month),
        a.period,
        total.toString(),
        ((total * VAT_RATE_PERCENT * 2n + (100n + VAT_RATE_PERCENT)) / (2n * (100n + VAT_RATE_PERCENT))).toString(),
      ],
    );
    const invoiceId = inserted.rows[0]?.id;
    // Invoiced meanwhile by another run: nothing to do.
    if (!invoiceId) return 'exists';
    await tx.query(
      `INSERT INTO invoice_lines (invoice_id, number_id, category, description, amount_tiyn)
       SELECT $1, l.number_id, l.category, l.description, l.amount
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY
              AS l(number_id, category, description, amount, ord)
        ORDER BY l.ord`,
      [
        invoiceId,
        a.lines.map((l) => l.number_id),
        a.lines.map((l) => l.category),
        a.lines.map((l) => l.description),
        a.lines.map((l) => l.amount),
      ],
    );
    const perNumber = new Map<string, bigint>();
    for (const l of a.lines) perNumber.set(l.number_id, (perNumber.get(l.number_id) ?? 0n) + BigInt(l.amount));
    await ensureNumberAccounts(tx, [...perNumber.keys()]);
    const { rows: accounts } = await tx.query<{ id: string; number_id: string }>(
      'SELECT id, number_id FROM ledger_accounts WHERE number_id = ANY($1::uuid[])',
      [[...perNumber.keys()]],
    );
    const ledgerOf = new Map(accounts.map((r) => [r.number_id, r.id]));
    const posted = await post(tx, {
      kind: 'charge',
      companyId: a.companyId,
      reference: `invoice:${invoiceNumber}`,
      description: `Invoice ${invoiceNumber} for ${a.month}, personal account ${a.accountNumber}`,
      entries: [
        ...[...perNumber]
          .filter(([, amount]) => amount !== 0n)
          .map(([numberId, amount]) => {
            const accountId = ledgerOf.get(numberId);
            if (!accountId) throw new Error(`no ledger account for number ${numberId}`);
            return { accountId, amountTiyn: -amount };
          }),
        { accountId: a.revenue, amountTiyn: total },
      ],
    });
    await tx.query('UPDATE invoices SET ledger_transaction_id = $2 WHERE id = $1', [invoiceId, posted.id]);
    return { total };
  });
}
