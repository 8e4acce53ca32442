import type { Queryable } from '../../db/client.js';
import { availableFundsSql } from '../billing/funds.js';

export interface NumberRow {
  id: string;
  msisdn: string;
  account_number: string;
  account_type: 'separate' | 'common';
  billing_method: 'credit' | 'advance';
  credit_limit_tiyn: string;
  tariff_code: string;
  tariff_name: string;
  status: 'active' | 'blocked' | 'blocked_debt' | 'suspended' | 'terminated';
  status_changed_at: Date | string;
  individual_limit_tiyn: string | null;
  registration_form_number: string | null;
  esim_enabled: boolean;
  roaming: boolean;
  balance_tiyn: string;
  available_tiyn: string;
}

// Available funds: the one definition of modules/billing/funds.ts.
const SELECT_NUMBER = `
  SELECT n.id, n.msisdn, pa.account_number, pa.account_type, pa.billing_method, pa.credit_limit_tiyn,
         n.tariff_code, t.name AS tariff_name, n.status, n.status_changed_at, n.individual_limit_tiyn,
         n.registration_form_number, n.esim_enabled, n.roaming,
         coalesce(la.balance_tiyn, 0) AS balance_tiyn,
         ${availableFundsSql('la', 'n', 'pa')} AS available_tiyn
  FROM numbers n
  JOIN personal_accounts pa ON pa.id = n.account_id
  JOIN tariffs t ON t.code = n.tariff_code
  LEFT JOIN ledger_accounts la ON la.number_id = n.id`;

export interface ListFilter {
  companyId: string;
  status?: string;
  tariff?: string;
  /** Exact number, when the search is a whole number */
  msisdn?: string;
  /** Digits to find inside the number or at the start of the account number */
  fragment?: string;
  after?: string;
  limit: number;
}

/**
 * Fragments this long are rare inside numbers: find them through the trigram index first and sort
 * the few hits. Shorter ones match densely, so walking the company's numbers in order is quicker.
 */
const TRIGRAM_SEARCH_MIN = 4;

/** Every query filters by company: the tenancy rule lives here, not in the callers. */
export async function listNumbers(db: Queryable, f: ListFilter): Promise<NumberRow[]> {
  const params: unknown[] = [f.companyId];
  const where = ['n.company_id = $1'];
  let hits = '';
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.status) add((p) => `n.status = ${p}`, f.status);
  if (f.tariff) add((p) => `n.tariff_code = ${p}`, f.tariff);
  if (f.msisdn) add((p) => `n.msisdn = ${p}`, f.msisdn);
  const byAccount = (p: string) =>
    `SELECT id FROM personal_accounts WHERE company_id = $1 AND account_number LIKE ${p} || '%'`;
  if (f.fragment && f.fragment.length >= TRIGRAM_SEARCH_MIN) {
    params.push(f.fragment);
    const p = `$${params.length}`;
    hits = `WITH hits AS MATERIALIZED (
      SELECT id FROM numbers WHERE company_id = $1 AND msisdn LIKE '%' || ${p} || '%'
      UNION SELECT id FROM numbers WHERE company_id = $1 AND account_id IN (${byAccount(p)})) `;
    where.push('n.id IN (SELECT id FROM hits)');
  } else if (f.fragment) {
    add((p) => `(n.msisdn LIKE '%' || ${p} || '%' OR n.account_id IN (${byAccount(p)}))`, f.fragment);
  }
  if (f.after) add((p) => `n.msisdn > ${p}`, f.after);
  params.push(f.limit);
  const { rows } = await db.query<NumberRow>(
    `${hits}${SELECT_NUMBER} WHERE ${where.join(' AND ')} ORDER BY n.msisdn LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export async function findNumber(db: Queryable, companyId: string, msisdn: string): Promise<NumberRow | undefined> {
  const { rows } = await db.query<NumberRow>(`${SELECT_NUMBER} WHERE n.company_id = $1 AND n.msisdn = $2`, [
    companyId,
    msisdn,
  ]);
  return rows[0];
}

/** The columns the number-management rules need, for one number of the company. */
export interface NumberRef {
  id: string;
  company_id: string;
  msisdn: string;
  status: NumberRow['status'];
  status_changed_at: Date | string;
  tariff_code: string;
  tariff_name: string;
  roaming: boolean;
  last_detected_imei: string | null;
}

const SELECT_REF = `
  SELECT n.id, n.company_id, n.msisdn, n.status, n.status_changed_at, n.tariff_code, t.name AS tariff_name,
         n.roaming, n.last_detected_imei
  FROM numbers n JOIN tariffs t ON t.code = n.tariff_code
  WHERE n.company_id = $1 AND n.msisdn = $2`;

export async function findNumberRef(db: Queryable, companyId: string, msisdn: string): Promise<NumberRef | undefined> {
  const { rows } = await db.query<NumberRef>(SELECT_REF, [companyId, msisdn]);
  return rows[0];
}

/** The same, locked for the rest of the transaction: changes to one number run one at a time. */
export async function lockNumberRef(tx: Queryable, companyId: string, msisdn: string): Promise<NumberRef | undefined> {
  const { rows } = await tx.query<NumberRef>(`${SELECT_REF} FOR UPDATE OF n`, [companyId, msisdn]);
  return rows[0];
}

/** Sets the status and appends it to the number's status history; returns the change time. */
export async function changeStatus(
  tx: Queryable,
  change: {
    companyId: string;
    numberId: string;
    status: NumberRow['status'];
    administratorId: string;
    reason: string;
  },
): Promise<Date | string> {
  const { rows } = await tx.query<{ status_changed_at: Date | string }>(
    `UPDATE numbers SET status = $3, status_changed_at = now()
     WHERE id = $2 AND company_id = $1 RETURNING status_changed_at`,
    [change.companyId, change.numberId, change.status],
  );
  const at = rows[0]?.status_changed_at;
  if (at === undefined) throw new Error('number vanished inside its own lock');
  await tx.query(
    `INSERT INTO number_status_history (number_id, status, changed_at, changed_by, administrator_id, reason)
     SELECT n.id, $3, now(), 'administrator', $4, $5 FROM numbers n WHERE n.id = $2 AND n.company_id = $1`,
    [change.companyId, change.numberId, change.status, change.administratorId, change.reason],
  );
  return at;
}

export interface ContractRow {
  id: string;
  status: 'activated' | 'completed' | 'terminated';
  activated_on: string;
  terminates_on: string;
  term_months: number;
  monthly_payment_tiyn: string;
  price_tiyn: string;
  promotion_name: string | null;
  device_name: string;
  device_type: string;
}

/** Device instalment contracts of one number, newest first (F15). */
export async function listContracts(db: Queryable, companyId: string, numberId: string): Promise<ContractRow[]> {
  const { rows } = await db.query<ContractRow>(
    `SELECT c.id, c.status, to_char(c.activated_on, 'YYYY-MM-DD') AS activated_on,
            to_char(c.terminates_on, 'YYYY-MM-DD') AS terminates_on, c.term_months,
            c.monthly_payment_tiyn, c.price_tiyn, c.promotion_name, c.device_name, c.device_type
     FROM contract_phones c JOIN numbers n ON n.id = c.number_id
     WHERE n.company_id = $1 AND c.number_id = $2
     ORDER BY c.activated_on DESC, c.id`,
    [companyId, numberId],
  );
  return rows;
}

export interface AllowanceRow {
  id: string;
  kind: 'remaining' | 'additional';
  name: string;
  unit: 'min' | 'sms' | 'mb';
  total: string | null;
  available: string | null;
  connected_on: string;
  available_until: string;
}

/** Packages of one number (F16): unlimited ones first, then minutes, SMS, MB; names in `lang`. */
export async function listAllowances(
  db: Queryable,
  companyId: string,
  numberId: string,
  lang: string,
): Promise<AllowanceRow[]> {
  const { rows } = await db.query<AllowanceRow>(
    `SELECT a.id, a.kind, coalesce(a.name->>$3, a.name->>'ru') AS name, a.unit,
            a.total::text AS total, a.available::text AS available,
            to_char(a.connected_at, 'YYYY-MM-DD') AS connected_on,
            to_char(a.available_until, 'YYYY-MM-DD') AS available_until
     FROM allowances a JOIN numbers n ON n.id = a.number_id
     WHERE n.company_id = $1 AND a.number_id = $2
     ORDER BY a.total IS NOT NULL, CASE a.unit WHEN 'min' THEN 1 WHEN 'sms' THEN 2 ELSE 3 END,
              a.available_until, name, a.id`,
    [companyId, numberId, lang],
  );
  return rows;
}

/** Tariffs the company's numbers are on, with how many numbers each (for the list's filter). */
export async function listCompanyTariffs(
  db: Queryable,
  companyId: string,
): Promise<{ code: string; name: string; numbers_count: string }[]> {
  const { rows } = await db.query<{ code: string; name: string; numbers_count: string }>(
    `SELECT t.code, t.name, count(*) AS numbers_count
     FROM numbers n JOIN tariffs t ON t.code = n.tariff_code
     WHERE n.company_id = $1
     GROUP BY t.code, t.name ORDER BY t.name, t.code`,
    [companyId],
  );
  return rows;
}
