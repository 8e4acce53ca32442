/**
 * SQL of the reports. Every query filters by company (the tenancy rule lives here). Row queries
 * are BatchQuery objects read in batches (batches.ts), never whole.
 */
import type { Queryable } from '../../db/client.js';
import type { BatchQuery } from './batches.js';

// Almaty wall-clock date of a timestamptz: UTC+5 since 1 March 2024, UTC+6 before.
const almatyDay = (col: string) =>
  `to_char((${col} AT TIME ZONE 'UTC') + CASE WHEN ${col} >= timestamptz '2024-02-29 19:00:00+00' THEN interval '5 hours' ELSE interval '6 hours' END, 'YYYY-MM-DD')`;

const utcMicros = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function databaseNow(db: Queryable): Promise<Date> {
  const { rows } = await db.query<{ now: Date | string }>('SELECT now() AS now');
  return new Date(rows[0]?.now ?? Date.now());
}

export interface CompanyRow {
  id: string;
  bin: string;
  full_name: string;
  legal_address: string | null;
}

export async function findCompany(db: Queryable, companyId: string): Promise<CompanyRow | undefined> {
  const { rows } = await db.query<CompanyRow>('SELECT id, bin, full_name, legal_address FROM companies WHERE id = $1', [
    companyId,
  ]);
  return rows[0];
}

export interface AdministratorRow {
  id: string;
  email: string;
  full_name: string;
  phone: string;
}

export async function findAdministrator(db: Queryable, id: string): Promise<AdministratorRow | undefined> {
  const { rows } = await db.query<AdministratorRow>(
    'SELECT id, email, full_name, phone FROM administrators WHERE id = $1',
    [id],
  );
  return rows[0];
}

export async function findNumberId(db: Queryable, companyId: string, msisdn: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM numbers WHERE company_id = $1 AND msisdn = $2', [
    companyId,
    msisdn,
  ]);
  return rows[0]?.id;
}

// ---------------------------------------------------------------------------------------------
// Usage details (F19)

export interface UsageRow {
  id: string;
  occurred_at: Date;
  type: 'call' | 'sms' | 'data';
  direction: 'outgoing' | 'incoming';
  other_party: string | null;
  duration_seconds: number | null;
  volume_kb: string | null;
  cost_tiyn: string;
  /** Only in keyset pages. */
  occurred_at_us?: string;
}

export interface UsageFilter {
  companyId: string;
  /** One number's records; null: every number of the company. */
  numberId: string | null;
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** A usage record as a report reads it: the time as epoch milliseconds (no Date per row). */
export interface UsageExportRow extends Omit<UsageRow, 'occurred_at'> {
  occurred_ms: number;
}

export function usageQuery(f: UsageFilter): BatchQuery<UsageExportRow> {
  const params: unknown[] = [f.companyId, f.from, f.to];
  let where = 'u.company_id = $1 AND u.occurred_at >= $2 AND u.occurred_at < $3';
  if (f.numberId) {
    params.push(f.numberId);
    where += ` AND u.number_id = $${params.length}`;
  }
  return {
    columns: `u.id, (extract(epoch FROM u.occurred_at) * 1000)::float8 AS occurred_ms, u.type, u.direction, u.other_party,
              u.duration_seconds, u.volume_kb, u.cost_tiyn`,
    keyColumns: `${utcMicros('u.occurred_at')} AS occurred_at_us`,
    from: 'FROM usage_records u',
    where,
    params,
    order: ['u.occurred_at', 'u.id'],
    key: (r) => [r.occurred_at_us, r.id],
    // The same columns, from COPY's text rows (PostgreSQL).
    fromCopy: (f) => ({
      id: f[0] as string,
      occurred_ms: Number(f[1]),
      type: f[2] as UsageRow['type'],
      direction: f[3] as UsageRow['direction'],
      other_party: f[4] ?? null,
      duration_seconds: f[5] === null || f[5] === undefined ? null : Number(f[5]),
      volume_kb: f[6] ?? null,
      cost_tiyn: f[7] as string,
    }),
  };
}

/** One page of a number's usage for the screen, after (occurred_at, id). */
export async function usagePage(
  db: Queryable,
  f: UsageFilter & { numberId: string },
  after: { at: string; id: string } | null,
  limit: number,
): Promise<(UsageRow & { occurred_at_us: string })[]> {
  const params: unknown[] = [f.companyId, f.numberId, f.from, f.to, limit];
  let keyset = '';
  if (after) {
    params.push(after.at, after.id);
    keyset = 'AND (u.occurred_at, u.id) > ($6::timestamptz, $7::bigint)';
  }
  const { rows } = await db.query<UsageRow & { occurred_at_us: string }>(
    `SELECT u.id, u.occurred_at, ${utcMicros('u.occurred_at')} AS occurred_at_us, u.type, u.direction, u.other_party,
            u.duration_seconds, u.volume_kb, u.cost_tiyn
       FROM usage_records u
      WHERE u.company_id = $1 AND u.number_id = $2 AND u.occurred_at >= $3 AND u.occurred_at < $4 ${keyset}
      ORDER BY u.occurred_at, u.id LIMIT $5`,
    params,
  );
  return rows;
}

export async function usageTotals(
  db: Queryable,
  f: UsageFilter & { numberId: string },
): Promise<{ records: number; cost_tiyn: string }> {
  const { rows } = await db.query<{ records: string; cost_tiyn: string }>(
    `SELECT count(*) AS records, coalesce(sum(cost_tiyn), 0)::bigint AS cost_tiyn
       FROM usage_records u
      WHERE u.company_id = $1 AND u.number_id = $2 AND u.occurred_at >= $3 AND u.occurred_at < $4`,
    [f.companyId, f.numberId, f.from, f.to],
  );
  return { records: Number(rows[0]?.records ?? 0), cost_tiyn: rows[0]?.cost_tiyn ?? '0' };
}

// ---------------------------------------------------------------------------------------------
// List of numbers (F32)

export interface NumberReportRow {
  msisdn: string;
  billing_method: 'credit' | 'advance';
  status: 'active' | 'blocked' | 'blocked_debt' | 'suspended' | 'terminated';
  tariff_name: string;
  credit_limit_tiyn: string;
  balance_tiyn: string;
  reserved_tiyn: string;
}

export function numbersQuery(companyId: string): BatchQuery<NumberReportRow> {
  return {
    columns: `n.msisdn, pa.billing_method, n.status, t.name AS tariff_name,
              CASE WHEN pa.billing_method = 'credit' THEN coalesce(n.individual_limit_tiyn, pa.credit_limit_tiyn)
                   ELSE 0 END AS credit_limit_tiyn,
              coalesce(la.balance_tiyn, 0) AS balance_tiyn, coalesce(la.reserved_tiyn, 0) AS reserved_tiyn`,
    from: `FROM numbers n
               JOIN personal_accounts pa ON pa.id = n.account_id
               JOIN tariffs t ON t.code = n.tariff_code
               LEFT JOIN ledger_accounts la ON la.number_id = n.id`,
    where: 'n.company_id = $1',
    params: [companyId],
    order: ['n.msisdn'],
    key: (r) => [r.msisdn],
  };
}

// ---------------------------------------------------------------------------------------------
// Invoice register (F34)

export interface InvoiceRegisterRow {
  invoice_number: string;
  e_invoice_number: string | null;
  issued_at: Date;
  issued_at_us: string;
  period: string;
  account_number: string;
  total_tiyn: string;
  vat_tiyn: string;
}

export function invoiceRegisterQuery(companyId: string, from: Date, to: Date): BatchQuery<InvoiceRegisterRow> {
  return {
    columns: `i.invoice_number, i.e_invoice_number, i.issued_at, ${utcMicros('i.issued_at')} AS issued_at_us,
              to_char(i.period, 'YYYY-MM') AS period, pa.account_number, i.total_tiyn, i.vat_tiyn`,
    from: 'FROM invoices i JOIN personal_accounts pa ON pa.id = i.account_id',
    where: 'i.company_id = $1 AND i.issued_at >= $2 AND i.issued_at < $3',
    params: [companyId, from, to],
    order: ['i.issued_at', 'i.invoice_number'],
    key: (r) => [r.issued_at_us, r.invoice_number],
  };
}

// ---------------------------------------------------------------------------------------------
// Payments (F37)

export interface PaymentReportRow {
  id: string;
  paid_on: string;
  order_number: string;
  account_number: string | null;
  raw_account: string | null;
  amount_tiyn: string;
  allocated_on: string | null;
}

export function paymentsQuery(companyId: string, from: string, to: string): BatchQuery<PaymentReportRow> {
  return {
    columns: `p.id, to_char(p.paid_on, 'YYYY-MM-DD') AS paid_on, p.order_number, pa.account_number, p.raw_account,
              p.amount_tiyn, CASE WHEN p.allocated_at IS NULL THEN NULL ELSE ${almatyDay('p.allocated_at')} END AS allocated_on`,
    from: 'FROM payments p LEFT JOIN personal_accounts pa ON pa.id = p.account_id',
    where: 'p.company_id = $1 AND p.paid_on >= $2::date AND p.paid_on <= $3::date',
    params: [companyId, from, to],
    order: ['p.paid_on', 'p.id'],
    key: (r) => [r.paid_on, r.id],
  };
}

// ---------------------------------------------------------------------------------------------
// Registered devices (F36): each number's IMEIs whose latest registration request left them registered.

export interface DeviceReportRow {
  msisdn: string;
  imei: string;
  kind: 'register' | 'reregister' | 'duplicate';
  registered_at: Date;
}

export function devicesQuery(companyId: string): BatchQuery<DeviceReportRow> {
  return {
    columns: 'n.msisdn, d.imei, d.kind, coalesce(d.completed_at, d.requested_at) AS registered_at',
    from: `FROM numbers n
               CROSS JOIN LATERAL (
                 SELECT DISTINCT ON (dr.imei) dr.imei, dr.kind, dr.state, dr.completed_at, dr.requested_at
                   FROM device_registrations dr
                  WHERE dr.number_id = n.id
                  ORDER BY dr.imei, dr.requested_at DESC
               ) AS d`,
    where: `n.company_id = $1 AND d.state = 'registered'`,
    params: [companyId],
    order: ['n.msisdn', 'd.imei'],
    key: (r) => [r.msisdn, r.imei],
  };
}

// ---------------------------------------------------------------------------------------------
// Reconciliation statement (F35)

export interface ReconciliationEntry {
  day: string;
  kind: 'i' | 'p';
  ref: string;
  account_number: string | null;
  debit_tiyn: string;
  credit_tiyn: string;
  instalment_tiyn: string;
  unallocated: boolean;
}

/** Invoices (debit, by issue day) and payments (credit, by payment day) of the company in [from, to]. */
export function reconciliationQuery(
  companyId: string,
  period: { from: string; to: string; fromInstant: Date; toInstant: Date },
): BatchQuery<ReconciliationEntry> {
  return {
    columns: '*',
    from: `FROM (
               SELECT ${almatyDay('i.issued_at')} AS day, 'i' AS kind, i.invoice_number::text AS ref, pa.account_number,
                      i.total_tiyn AS debit_tiyn, 0::bigint AS credit_tiyn,
                      coalesce((SELECT sum(l.amount_tiyn) FROM invoice_lines l
                                 WHERE l.invoice_id = i.id AND l.category = 'instalment'), 0)::bigint AS instalment_tiyn,
                      false AS unallocated
                 FROM invoices i JOIN personal_accounts pa ON pa.id = i.account_id
                WHERE i.company_id = $1 AND i.issued_at >= $2 AND i.issued_at < $3
               UNION ALL
               SELECT to_char(p.paid_on, 'YYYY-MM-DD'), 'p', p.order_number || ' ' || p.id::text, pa.account_number,
                      0::bigint, p.amount_tiyn, 0::bigint, p.account_id IS NULL
                 FROM payments p LEFT JOIN personal_accounts pa ON pa.id = p.account_id
                WHERE p.company_id = $1 AND p.paid_on >= $4::date AND p.paid_on <= $5::date
             ) AS e`,
    where: 'true',
    params: [companyId, period.fromInstant, period.toInstant, period.from, period.to],
    order: ['e.day', 'e.kind', 'e.ref'],
    key: (r) => [r.day, r.kind, r.ref],
  };
}

/** What the company owed before `from` (invoices minus payments); positive: the company owes. */
export async function openingBalance(
  db: Queryable,
  companyId: string,
  fromInstant: Date,
  from: string,
): Promise<bigint> {
  const { rows } = await db.query<{ invoiced: string; paid: string }>(
    `SELECT (SELECT coalesce(sum(total_tiyn), 0) FROM invoices WHERE company_id = $1 AND issued_at < $2)::bigint AS invoiced,
            (SELECT coalesce(sum(amount_tiyn), 0) FROM payments WHERE company_id = $1 AND paid_on < $3::date)::bigint AS paid`,
    [companyId, fromInstant, from],
  );
  return BigInt(rows[0]?.invoiced ?? 0) - BigInt(rows[0]?.paid ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Actions history (F31)

export interface ActionHistoryRow {
  id: string;
  action: string;
  status: 'success' | 'failure';
  created_at: Date;
  created_at_us: string;
  target: string | null;
  details: Record<string, unknown>;
  administrator_name: string | null;
  administrator_phone: string | null;
}

const ACTIONS_COLUMNS = `a.id, a.action, a.status, a.created_at, ${utcMicros('a.created_at')} AS created_at_us,
         a.target, a.details, ad.full_name AS administrator_name, ad.phone AS administrator_phone`;
const ACTIONS_FROM = 'FROM actions a LEFT JOIN administrators ad ON ad.id = a.administrator_id';

export function actionsQuery(companyId: string, from: Date, to: Date): BatchQuery<ActionHistoryRow> {
  return {
    columns: ACTIONS_COLUMNS,
    from: ACTIONS_FROM,
    where: 'a.company_id = $1 AND a.created_at >= $2 AND a.created_at < $3',
    params: [companyId, from, to],
    order: ['a.created_at', 'a.id'],
    descending: true,
    key: (r) => [r.created_at_us, r.id],
  };
}

/** One page of the history, newest first, before the (created_at, id) of `before`. */
export async function actionsPage(
  db: Queryable,
  f: { companyId: string; from: Date; to: Date },
  before: { at: string; id: string } | null,
  limit: number,
): Promise<ActionHistoryRow[]> {
  const params: unknown[] = [f.companyId, f.from, f.to, limit];
  let keyset = '';
  if (before) {
    params.push(before.at, before.id);
    keyset = 'AND (a.created_at, a.id) < ($5::timestamptz, $6::bigint)';
  }
  const { rows } = await db.query<ActionHistoryRow>(
    `SELECT ${ACTIONS_COLUMNS} ${ACTIONS_FROM}
      WHERE a.company_id = $1 AND a.created_at >= $2 AND a.created_at < $3 ${keyset}
      ORDER BY a.created_at DESC, a.id DESC LIMIT $4`,
    params,
  );
  return rows;
}
