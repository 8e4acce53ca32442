/** Money of the demo: ledger opening balances, monthly invoices with lines, payments. */

import { randomUUID } from 'node:crypto';
import { almatyDateOf, almatyTime } from '@portal/calendar';
import { SERVICE_FEES, servicesCatalog, tariffByCode } from './catalog.js';
import type { ContractRow } from './details.js';
import type { AccountRow, DemoCompany, DemoNumber } from './model.js';
import { Rng } from './prng.js';
import { addDays, almatyMonthKey, almatyYearMonth, monthStart } from './time.js';

const ISO = (d: Date): string => d.toISOString();

// ---------------------------------------------------------------------------------------------
// Ledger

export interface LedgerAccountRow {
  id: string;
  company_id: string;
  number_id: string;
  kind: 'number';
  balance_tiyn: number;
}

export interface LedgerTransactionRow {
  id: string;
  company_id: string;
  kind: 'opening_balance';
  description: string;
  reference: string;
  created_at: string;
}

export interface LedgerEntryRow {
  transaction_id: string;
  account_id: string;
  amount_tiyn: number;
}

export interface Ledger {
  accounts: LedgerAccountRow[];
  transactions: LedgerTransactionRow[];
  entries: LedgerEntryRow[];
}

/**
 * One ledger account per number and, for each non-zero balance, an opening transaction
 * (number +X, operator cash −X). One transaction per number keeps the commit-time balance
 * check cheap: each check sums two entries.
 */
export function buildLedger(numbers: readonly DemoNumber[], cashAccountId: string, now: Date): Ledger {
  const ledger: Ledger = { accounts: [], transactions: [], entries: [] };
  for (const n of numbers) {
    const account: LedgerAccountRow = {
      id: randomUUID(),
      company_id: n.row.company_id,
      number_id: n.row.id,
      kind: 'number',
      balance_tiyn: n.balanceTiyn,
    };
    ledger.accounts.push(account);
    if (n.balanceTiyn === 0) continue;
    const tx: LedgerTransactionRow = {
      id: randomUUID(),
      company_id: n.row.company_id,
      kind: 'opening_balance',
      description: 'Opening balance',
      reference: `opening:${n.row.msisdn}`,
      created_at: ISO(now),
    };
    ledger.transactions.push(tx);
    ledger.entries.push({ transaction_id: tx.id, account_id: account.id, amount_tiyn: n.balanceTiyn });
    ledger.entries.push({ transaction_id: tx.id, account_id: cashAccountId, amount_tiyn: -n.balanceTiyn });
  }
  return ledger;
}

// ---------------------------------------------------------------------------------------------
// Invoices and payments

export interface InvoiceRow {
  id: string;
  company_id: string;
  account_id: string;
  invoice_number: string;
  e_invoice_number: string;
  period: string;
  issued_at: string;
  total_tiyn: number;
  vat_tiyn: number;
}

export type InvoiceCategory = 'subscription' | 'calls' | 'sms' | 'data' | 'services' | 'instalment';

export interface InvoiceLineRow {
  invoice_id: string;
  number_id: string | null;
  category: InvoiceCategory;
  description: string;
  amount_tiyn: number;
}

export interface PaymentRow {
  company_id: string | null;
  account_id: string | null;
  paid_on: string;
  order_number: string;
  amount_tiyn: number;
  payer_bin: string;
  raw_account: string | null;
  allocated_at: string | null;
  source: string;
  created_at: string;
}

export interface Billing {
  invoices: InvoiceRow[];
  lines: InvoiceLineRow[];
  payments: PaymentRow[];
}

/** Usage cost per number, Almaty month `YYYY-MM` and usage type, from the usage records. */
export type UsageCosts = ReadonlyMap<string, ReadonlyMap<string, { call: number; sms: number; data: number }>>;

/** The manual's invoice ("Find number by invoice"): the latest invoice of account 10021376. */
const MANUAL_INVOICE = { accountNumber: '10021376', invoiceNumber: '3024211480941' };

/** Months of the large company invoiced line by line; older ones are summarised per category. */
const DETAILED_MONTHS_LARGE = 3;

const VAT_RATE_PERCENT = 12;

/** The 13 billed months (first days, oldest first), each already issued on the 5th of the next month. */
export function invoicePeriods(now: Date): Date[] {
  const latest = issueDate(monthStart(now, -1)) <= now ? -1 : -2;
  return Array.from({ length: 13 }, (_, i) => monthStart(now, latest - 12 + i));
}

function issueDate(period: Date): Date {
  const { year, month } = almatyYearMonth(period);
  return almatyTime(year, month + 1, 5, 9, 0);
}

const CATEGORY_LABELS: Record<InvoiceCategory, string> = {
  subscription: 'Абонентская плата',
  calls: 'Звонки',
  sms: 'SMS-сообщения',
  data: 'Мобильный интернет',
  services: 'Пакеты и дополнительные услуги',
  instalment: 'Рассрочка за устройство',
};

const SERVICE_NAMES_RU: ReadonlyMap<string, string> = new Map(
  servicesCatalog(new Date(0)).map((s) => [s.code, s.name.ru]),
);

interface Charge {
  category: InvoiceCategory;
  description: string;
  amount: number;
}

interface BillingContext {
  now: Date;
  rng: Rng;
  services: ReadonlyMap<string, readonly string[]>;
  contracts: ReadonlyMap<string, readonly ContractRow[]>;
  usage: UsageCosts;
  seq: { invoice: number; order: number };
  latestPeriod: number;
}

export function buildBilling(
  companies: readonly DemoCompany[],
  services: ReadonlyMap<string, readonly string[]>,
  contracts: readonly ContractRow[],
  usage: UsageCosts,
  now: Date,
): Billing {
  const byNumber = new Map<string, ContractRow[]>();
  for (const c of contracts) byNumber.set(c.number_id, [...(byNumber.get(c.number_id) ?? []), c]);
  const periods = invoicePeriods(now);
  const ctx: BillingContext = {
    now,
    rng: Rng.named('billing'),
    services,
    contracts: byNumber,
    usage,
    seq: { invoice: 0, order: 0 },
    latestPeriod: periods[periods.length - 1]?.getTime() ?? 0,
  };
  const billing: Billing = { invoices: [], lines: [], payments: [] };
  for (const company of companies) {
    const onAccount = groupByAccount(company.numbers);
    periods.forEach((period, p) => {
      const detailed = company.spec.key !== 'large' || p >= periods.length - DETAILED_MONTHS_LARGE;
      for (const account of company.accounts) {
        const numbers = (onAccount.get(account.id) ?? []).filter((n) => liveIn(n, period));
        if (numbers.length > 0) billAccount(ctx, billing, company, account, numbers, period, detailed);
      }
    });
    if (company.spec.key === 'large') billing.payments.push(...unallocatedPayments(ctx, company));
  }
  billing.payments.push(unknownPayerPayment(ctx));
  return billing;
}

function groupByAccount(numbers: readonly DemoNumber[]): Map<string, DemoNumber[]> {
  const map = new Map<string, DemoNumber[]>();
  for (const n of numbers) map.set(n.account.id, [...(map.get(n.account.id) ?? []), n]);
  return map;
}

/** Whether the number was connected during any part of the month starting at `period`. */
function liveIn(n: DemoNumber, period: Date): boolean {
  const { year, month } = almatyYearMonth(period);
  const end = almatyTime(year, month + 1, 1);
  if (n.createdAt >= end) return false;
  return n.row.status !== 'terminated' || n.statusChangedAt >= period;
}

function billAccount(
  ctx: BillingContext,
  billing: Billing,
  company: DemoCompany,
  account: AccountRow,
  numbers: readonly DemoNumber[],
  period: Date,
  detailed: boolean,
): void {
  const invoiceId = randomUUID();
  const lines: InvoiceLineRow[] = [];
  const summary = new Map<InvoiceCategory, { amount: number; numbers: number }>();
  for (const n of numbers) {
    for (const charge of numberCharges(ctx, n, period)) {
      if (detailed) {
        lines.push({
          invoice_id: invoiceId,
          number_id: n.row.id,
          category: charge.category,
          description: charge.description,
          amount_tiyn: charge.amount,
        });
        continue;
      }
      const s = summary.get(charge.category) ?? { amount: 0, numbers: 0 };
      summary.set(charge.category, { amount: s.amount + charge.amount, numbers: s.numbers + 1 });
    }
  }
  for (const [category, s] of summary) {
    const description = `${CATEGORY_LABELS[category]} (номеров: ${s.numbers})`;
    lines.push({ invoice_id: invoiceId, number_id: null, category, description, amount_tiyn: s.amount });
  }
  const total = lines.reduce((sum, l) => sum + l.amount_tiyn, 0);
  const issuedAt = issueDate(period);
  const { year, month } = almatyYearMonth(period);
  const manual = account.account_number === MANUAL_INVOICE.accountNumber && period.getTime() === ctx.latestPeriod;
  ctx.seq.invoice += 1;
  const seq = ctx.seq.invoice;
  billing.invoices.push({
    id: invoiceId,
    company_id: company.row.id,
    account_id: account.id,
    invoice_number: manual
      ? MANUAL_INVOICE.invoiceNumber
      : `30${String(year % 100).padStart(2, '0')}${String(500_000_000 + seq)}`,
    e_invoice_number: `KZ-ESF-${year}${String(month + 1).padStart(2, '0')}-${String(seq).padStart(9, '0')}`,
    period: almatyDateOf(period),
    issued_at: ISO(issuedAt),
    total_tiyn: total,
    vat_tiyn: Math.round((total * VAT_RATE_PERCENT) / (100 + VAT_RATE_PERCENT)),
  });
  billing.lines.push(...lines);
  const payment = paymentFor(ctx, company, account, total, issuedAt);
  if (payment) billing.payments.push(payment);
}

/** What one number costs in one month, by invoice category. */
function numberCharges(ctx: BillingContext, n: DemoNumber, period: Date): Charge[] {
  const { rng } = ctx;
  const tariff = tariffByCode(n.row.tariff_code);
  const charges: Charge[] = [
    {
      category: 'subscription',
      description: `Абонентская плата по тарифу «${tariff.name}»`,
      amount: tariff.monthly_fee_tiyn,
    },
  ];
  const codes = ctx.services.get(n.row.id) ?? [];
  const fees = codes.map((c) => ({ code: c, fee: serviceFee(c) })).filter((s) => s.fee > 0);
  if (fees.length > 0) {
    charges.push({
      category: 'services',
      description: `Услуги: ${fees.map((s) => SERVICE_NAMES_RU.get(s.code) ?? s.code).join(', ')}`,
      amount: fees.reduce((sum, s) => sum + s.fee, 0),
    });
  }
  const recorded = ctx.usage.get(n.row.id)?.get(almatyMonthKey(period));
  const usage = n.withUsage
    ? (recorded ?? { call: 0, sms: 0, data: 0 })
    : {
        call: rng.chance(0.7) ? rng.int(500, 400_000) : 0,
        sms: rng.chance(0.4) ? rng.int(100, 30_000) : 0,
        data: rng.chance(0.3) ? rng.int(100, 150_000) : 0,
      };
  if (usage.call > 0) charges.push({ category: 'calls', description: 'Исходящие звонки', amount: usage.call });
  if (usage.sms > 0) charges.push({ category: 'sms', description: 'Исходящие SMS', amount: usage.sms });
  if (usage.data > 0)
    charges.push({ category: 'data', description: 'Мобильный интернет сверх пакета', amount: usage.data });
  const key = almatyDateOf(period);
  for (const c of ctx.contracts.get(n.row.id) ?? []) {
    if (c.activated_on.slice(0, 7) <= key.slice(0, 7) && c.terminates_on >= key && c.status !== 'terminated') {
      charges.push({
        category: 'instalment',
        description: `Рассрочка: ${c.device_name}`,
        amount: c.monthly_payment_tiyn,
      });
    }
  }
  return charges;
}

function serviceFee(code: string): number {
  return SERVICE_FEES.get(code) ?? 0;
}

/** The company pays most invoices in full 1–3 weeks after issue; some are rounded up or partial. */
function paymentFor(
  ctx: BillingContext,
  company: DemoCompany,
  account: AccountRow,
  total: number,
  issuedAt: Date,
): PaymentRow | null {
  const { rng } = ctx;
  const paidAt = addDays(issuedAt, rng.int(3, 20));
  const kind = rng.weighted([
    ['full', 85],
    ['rounded', 10],
    ['partial', 5],
  ] as const);
  if (total <= 0 || paidAt > ctx.now) return null;
  const amount =
    kind === 'full' ? total : kind === 'rounded' ? Math.ceil(total / 100_000) * 100_000 : Math.round(total * 0.6);
  ctx.seq.order += 1;
  return {
    company_id: company.row.id,
    account_id: account.id,
    paid_on: almatyDateOf(paidAt),
    order_number: String(10_000 + ctx.seq.order),
    amount_tiyn: amount,
    payer_bin: company.row.bin,
    raw_account: account.account_number,
    allocated_at: ISO(addDays(paidAt, 1)),
    source: 'bank_statement',
    created_at: ISO(paidAt),
  };
}

/** Payments from the large company's BIN that name no valid personal account (F38). */
function unallocatedPayments(ctx: BillingContext, company: DemoCompany): PaymentRow[] {
  const raw = ['2560205', null, 'оплата за связь по счету 3025'];
  const amounts = [15_000_000, 4_250_050, 890_000];
  return raw.map((rawAccount, i) => {
    const paidAt = addDays(ctx.now, -(9 + i * 17));
    ctx.seq.order += 1;
    return {
      company_id: company.row.id,
      account_id: null,
      paid_on: almatyDateOf(paidAt),
      order_number: String(10_000 + ctx.seq.order),
      amount_tiyn: amounts[i] ?? 100_000,
      payer_bin: company.row.bin,
      raw_account: rawAccount,
      allocated_at: null,
      source: 'bank_statement',
      created_at: ISO(paidAt),
    };
  });
}

/** A payment from a BIN that matches no company: only the operator sees it. */
function unknownPayerPayment(ctx: BillingContext): PaymentRow {
  const paidAt = addDays(ctx.now, -4);
  ctx.seq.order += 1;
  return {
    company_id: null,
    account_id: null,
    paid_on: almatyDateOf(paidAt),
    order_number: String(10_000 + ctx.seq.order),
    amount_tiyn: 2_500_000,
    payer_bin: '041058570298',
    raw_account: '99999999',
    allocated_at: null,
    source: 'bank_statement',
    created_at: ISO(paidAt),
  };
}
