/**
 * Bank payments (O4): a bank statement file loaded by the operator (`npm run payments -- --file …`),
 * and the allocation of a payment that named no personal account.
 *
 * File: CSV with a header line — date, payment order number, amount, BIN, account — comma or
 * semicolon separated. Each line is checked on its own: a bad line is reported with its line
 * number and field and is not loaded; every good line is loaded in its own database transaction.
 * Loading is idempotent on (payer BIN, order number, date): loading a file again — or a corrected
 * one — loads only what is new.
 *
 * Ledger: a payment whose BIN is a company's and whose account is one of that company's personal
 * accounts is allocated: operator_cash −X, and +X to the ledger account of the personal account's
 * first number (lowest msisdn, terminated numbers last) — the ledger keeps money per number, and
 * a personal account's numbers share its credit. Any other payment waits in unallocated_payments
 * (operator_cash −X, unallocated_payments +X), with its company when the BIN is known, until the
 * operator allocates it (allocatePayment: unallocated_payments −X, number +X).
 */
import type { Db, Queryable } from '../../db/client.js';
import { isValidBinIin } from '../../lib/identifiers.js';
import { parsePositiveAmount } from '../billing/amount.js';
import { parseCsv } from '../billing/csv.js';
import { ensureNumberAccounts, operatorAccount, post } from '../billing/ledger.js';

export interface PaymentLine {
  line: number;
  paidOn: string;
  orderNumber: string;
  amountTiyn: bigint;
  bin: string;
  account: string | null;
}

export interface LineError {
  line: number;
  field: string;
  code: string;
  message: string;
}

export interface LoadReport {
  lines: number;
  loaded: number;
  allocated: number;
  unallocated: number;
  /** Already loaded before (same BIN, order number and date, same amount): nothing changed. */
  duplicates: number;
  errors: LineError[];
  totalLoadedTiyn: bigint;
}

type Column = 'date' | 'orderNumber' | 'amount' | 'bin' | 'account';

const HEADER_NAMES: Record<Column, readonly string[]> = {
  date: ['date', 'paidon', 'paymentdate', 'дата', 'датаплатежа'],
  orderNumber: ['paymentordernumber', 'ordernumber', 'order', 'paymentorder', 'номерплатежногопоручения', 'номерпп'],
  amount: ['amount', 'sum', 'сумма'],
  bin: ['bin', 'payerbin', 'бин', 'бинплательщика'],
  account: ['account', 'personalaccount', 'accountnumber', 'лицевойсчет', 'счет'],
};

const normaliseHeader = (h: string) =>
  h
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]/gu, '');

/** `YYYY-MM-DD`, `DD.MM.YYYY` or `DD-MM-YYYY` → `YYYY-MM-DD`, or null when it is not a real date. */
export function parsePaymentDate(input: string): string | null {
  const s = input.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{2})[.-](\d{2})[.-](\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 2000) return null;
  return date.toISOString().slice(0, 10);
}

/** Reads and checks the file; returns the good lines and an error per bad field. */
export function parsePaymentsFile(
  text: string,
  today: Date = new Date(),
): { lines: PaymentLine[]; errors: LineError[]; records: number } {
  const records = parseCsv(text);
  const errors: LineError[] = [];
  const header = records.shift();
  if (!header) {
    return {
      lines: [],
      errors: [{ line: 1, field: 'header', code: 'empty_file', message: 'the file is empty' }],
      records: 0,
    };
  }
  const names = header.fields.map(normaliseHeader);
  const index = {} as Record<Column, number>;
  for (const col of Object.keys(HEADER_NAMES) as Column[]) {
    const at = names.findIndex((n) => HEADER_NAMES[col].includes(n));
    if (at < 0) {
      errors.push({
        line: header.line,
        field: col,
        code: 'missing_column',
        message: `no "${col}" column in the header (expected: date, payment order number, amount, BIN, account)`,
      });
    }
    index[col] = at;
  }
  if (errors.length > 0) return { lines: [], errors, records: records.length };

  // A payment dated after tomorrow (Almaty) is a typing error.
  const latest = new Date(today.getTime() + 5 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  const lines: PaymentLine[] = [];
  for (const r of records) {
    const get = (col: Column) => (r.fields[index[col]] ?? '').trim();
    const bad = (field: string, code: string, message: string) => errors.push({ line: r.line, field, code, message });
    const before = errors.length;
    if (r.fields.length < header.fields.length) {
      bad('line', 'too_few_fields', `expected ${header.fields.length} fields, found ${r.fields.length}`);
      continue;
    }
    const paidOn = parsePaymentDate(get('date'));
    if (!paidOn) bad('date', 'invalid_date', `"${get('date')}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`);
    else if (paidOn > latest) bad('date', 'date_in_future', `${paidOn} is in the future`);
    const orderNumber = get('orderNumber');
    if (!orderNumber) bad('orderNumber', 'required', 'the payment order number is empty');
    else if (orderNumber.length > 40) bad('orderNumber', 'too_long', 'the payment order number is longer than 40');
    const amount = parsePositiveAmount(get('amount'));
    if (amount.problem) {
      bad('amount', amount.problem, `"${get('amount')}" is not a positive amount with at most 2 decimals`);
    }
    const bin = get('bin');
    if (!isValidBinIin(bin)) bad('bin', 'invalid_bin', `"${bin}" is not a valid BIN (12 digits with a check digit)`);
    const account = get('account');
    if (account.length > 200) bad('account', 'too_long', 'the account is longer than 200 characters');
    if (errors.length > before || !paidOn || amount.tiyn === undefined) continue;
    lines.push({ line: r.line, paidOn, orderNumber, amountTiyn: amount.tiyn, bin, account: account || null });
  }
  return { lines, errors, records: records.length };
}

/** Loads a bank payments file: every good line, each in its own transaction; bad lines reported. */
export async function loadPayments(
  db: Db,
  text: string,
  opts: { source?: string; today?: Date } = {},
): Promise<LoadReport> {
  const { lines, errors, records } = parsePaymentsFile(text, opts.today);
  const report: LoadReport = {
    lines: records,
    loaded: 0,
    allocated: 0,
    unallocated: 0,
    duplicates: 0,
    errors,
    totalLoadedTiyn: 0n,
  };
  for (const line of lines) {
    const outcome = await loadOne(db, line, opts.source ?? 'bank_file');
    if (outcome === 'duplicate') report.duplicates += 1;
    else if (outcome === 'conflict') {
      errors.push({
        line: line.line,
        field: 'amount',
        code: 'conflicts_with_loaded_payment',
        message: `payment order ${line.orderNumber} of ${line.paidOn} from BIN ${line.bin} was already loaded with another amount`,
      });
    } else {
      report.loaded += 1;
      report.totalLoadedTiyn += line.amountTiyn;
      if (outcome === 'allocated') report.allocated += 1;
      else report.unallocated += 1;
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return report;
}

/** The number ledger account that receives a personal account's payments (see the file comment). */
async function receivingNumber(tx: Queryable, accountId: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM numbers WHERE account_id = $1 ORDER BY status = 'terminated', msisdn LIMIT 1`,
    [accountId],
  );
  const numberId = rows[0]?.id;
  if (!numberId) return null;
  await ensureNumberAccounts(tx, [numberId]);
  const la = await tx.query<{ id: string }>('SELECT id FROM ledger_accounts WHERE number_id = $1', [numberId]);
  return la.rows[0]?.id ?? null;
}

async function loadOne(
  db: Db,
  p: PaymentLine,
  source: string,
): Promise<'allocated' | 'unallocated' | 'duplicate' | 'conflict'> {
  return db.transaction(async (tx) => {
    const company = (await tx.query<{ id: string }>('SELECT id FROM companies WHERE bin = $1', [p.bin])).rows[0];
    let account: { id: string } | undefined;
    if (company && p.account) {
      account = (
        await tx.query<{ id: string }>(
          'SELECT id FROM personal_accounts WHERE company_id = $1 AND account_number = $2',
          [company.id, p.account],
        )
      ).rows[0];
    }
    const target = account ? await receivingNumber(tx, account.id) : null;
    const allocated = Boolean(account && target);
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO payments (company_id, account_id, paid_on, order_number, amount_tiyn, payer_bin, raw_account, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (payer_bin, order_number, paid_on) DO NOTHING RETURNING id`,
      [
        company?.id ?? null,
        allocated ? account?.id : null,
        p.paidOn,
        p.orderNumber,
        p.amountTiyn.toString(),
        p.bin,
        p.account,
        source,
      ],
    );
    const id = inserted.rows[0]?.id;
    if (!id) {
      const existing = await tx.query<{ amount_tiyn: string }>(
        'SELECT amount_tiyn FROM payments WHERE payer_bin = $1 AND order_number = $2 AND paid_on = $3',
        [p.bin, p.orderNumber, p.paidOn],
      );
      return BigInt(existing.rows[0]?.amount_tiyn ?? -1) === p.amountTiyn ? 'duplicate' : 'conflict';
    }
    const cash = await operatorAccount(tx, 'operator_cash');
    const credited = allocated && target ? target : await operatorAccount(tx, 'unallocated_payments');
    const posted = await post(tx, {
      kind: 'payment',
      companyId: company?.id ?? null,
      reference: `payment:${id}`,
      description: `Payment order ${p.orderNumber} of ${p.paidOn}, BIN ${p.bin}`,
      entries: [
        { accountId: cash, amountTiyn: -p.amountTiyn },
        { accountId: credited, amountTiyn: p.amountTiyn },
      ],
    });
    await tx.query(
      `UPDATE payments SET ledger_transaction_id = $2, allocated_at = CASE WHEN $3::boolean THEN now() END WHERE id = $1`,
      [id, posted.id, allocated],
    );
    return allocated ? 'allocated' : 'unallocated';
  });
}

export class AllocationError extends Error {}

/**
 * Allocates an unallocated payment to a personal account (the operator, from the company's
 * allocation register). A payment loaded from a file moves out of unallocated_payments; a demo
 * payment that was only a document comes straight from operator_cash.
 */
export async function allocatePayment(
  db: Db,
  a: { paymentId: string; accountNumber: string },
): Promise<{ paymentId: string; accountNumber: string; amountTiyn: bigint; transactionId: string }> {
  return db.transaction(async (tx) => {
    const payment = (
      await tx.query<{
        id: string;
        company_id: string | null;
        account_id: string | null;
        amount_tiyn: string;
        ledger_transaction_id: string | null;
        order_number: string;
        paid_on: string;
      }>(
        `SELECT id, company_id, account_id, amount_tiyn, ledger_transaction_id, order_number,
                to_char(paid_on, 'YYYY-MM-DD') AS paid_on
           FROM payments WHERE id::text = $1 FOR UPDATE`,
        [a.paymentId],
      )
    ).rows[0];
    if (!payment) throw new AllocationError(`no payment ${a.paymentId}`);
    if (payment.account_id) throw new AllocationError(`payment ${a.paymentId} is already allocated`);
    const account = (
      await tx.query<{ id: string; company_id: string }>(
        'SELECT id, company_id FROM personal_accounts WHERE account_number = $1',
        [a.accountNumber],
      )
    ).rows[0];
    if (!account) throw new AllocationError(`no personal account ${a.accountNumber}`);
    if (payment.company_id && payment.company_id !== account.company_id) {
      throw new AllocationError(`personal account ${a.accountNumber} is not of the paying company`);
    }
    const target = await receivingNumber(tx, account.id);
    if (!target) throw new AllocationError(`personal account ${a.accountNumber} has no numbers`);
    const amount = BigInt(payment.amount_tiyn);
    const source = await operatorAccount(tx, payment.ledger_transaction_id ? 'unallocated_payments' : 'operator_cash');
    const posted = await post(tx, {
      kind: 'payment',
      companyId: account.company_id,
      reference: `allocation:${payment.id}`,
      description: `Allocation of payment order ${payment.order_number} of ${payment.paid_on} to ${a.accountNumber}`,
      entries: [
        { accountId: source, amountTiyn: -amount },
        { accountId: target, amountTiyn: amount },
      ],
    });
    await tx.query(
      `UPDATE payments SET company_id = $2, account_id = $3, allocated_at = now(), allocation_transaction_id = $4
        WHERE id = $1`,
      [payment.id, account.company_id, account.id, posted.id],
    );
    return { paymentId: payment.id, accountNumber: a.accountNumber, amountTiyn: amount, transactionId: posted.id };
  });
}
