import type { Queryable } from '../../db/client.js';

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

// Available funds = balance + credit limit (the number's individual limit when it has one) − reserved.
const SELECT_NUMBER = `
  SELECT n.id, n.msisdn, pa.account_number, pa.account_type, pa.billing_method, pa.credit_limit_tiyn,
         n.tariff_code, t.name AS tariff_name, n.status, n.status_changed_at, n.individual_limit_tiyn,
         n.registration_form_number, n.esim_enabled, n.roaming,
         coalesce(la.balance_tiyn, 0) AS balance_tiyn,
         coalesce(la.balance_tiyn, 0) - coalesce(la.reserved_tiyn, 0)
           + CASE WHEN pa.billing_method = 'credit' THEN coalesce(n.individual_limit_tiyn, pa.credit_limit_tiyn) ELSE 0 END
           AS available_tiyn
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

/** Every query filters by company: the tenancy rule lives here, not in the callers. */
export async function listNumbers(db: Queryable, f: ListFilter): Promise<NumberRow[]> {
  const params: unknown[] = [f.companyId];
  const where = ['n.company_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.status) add((p) => `n.status = ${p}`, f.status);
  if (f.tariff) add((p) => `n.tariff_code = ${p}`, f.tariff);
  if (f.msisdn) add((p) => `n.msisdn = ${p}`, f.msisdn);
  if (f.fragment)
    add(
      (p) =>
        `(n.msisdn LIKE '%' || ${p} || '%' OR n.account_id IN (SELECT id FROM personal_accounts WHERE company_id = $1 AND account_number LIKE ${p} || '%'))`,
      f.fragment,
    );
  if (f.after) add((p) => `n.msisdn > ${p}`, f.after);
  params.push(f.limit);
  const { rows } = await db.query<NumberRow>(
    `${SELECT_NUMBER} WHERE ${where.join(' AND ')} ORDER BY n.msisdn LIMIT $${params.length}`,
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
