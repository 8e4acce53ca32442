/**
 * A number's money as derived from the ledger — one definition for the numbers list, the number
 * profile, reports and balance transfers:
 *
 *   balance            = ledger_accounts.balance_tiyn (the sum of the number's ledger entries)
 *   credit allowance   = the number's individual limit, else the account's credit limit — on the
 *                        credit billing method only; advance numbers have none
 *   available funds    = balance − reserved + credit allowance
 *   outstanding        = the debt from previous periods: −balance when the balance is negative
 *                        (charges reach the ledger when a month is closed by the billing run)
 */
import type { Queryable } from '../../db/client.js';

/**
 * SQL for the available funds of a number, over aliases of ledger_accounts (may be missing: LEFT
 * JOIN), numbers and personal_accounts. The same expression as numbers.repository's list/profile.
 */
export function availableFundsSql(la = 'la', n = 'n', pa = 'pa'): string {
  return `coalesce(${la}.balance_tiyn, 0) - coalesce(${la}.reserved_tiyn, 0)
           + CASE WHEN ${pa}.billing_method = 'credit' THEN coalesce(${n}.individual_limit_tiyn, ${pa}.credit_limit_tiyn) ELSE 0 END`;
}

export interface FundsInput {
  balance: bigint;
  reserved: bigint;
  billingMethod: 'credit' | 'advance';
  individualLimit: bigint | null;
  creditLimit: bigint;
}

/** How far below zero the balance may go. */
export function creditAllowance(f: Pick<FundsInput, 'billingMethod' | 'individualLimit' | 'creditLimit'>): bigint {
  return f.billingMethod === 'credit' ? (f.individualLimit ?? f.creditLimit) : 0n;
}

/** The same formula as availableFundsSql, for values already in hand (e.g. after a posting). */
export function availableFunds(f: FundsInput): bigint {
  return f.balance - f.reserved + creditAllowance(f);
}

/** Debt from previous billing periods. */
export function outstandingBalance(balance: bigint): bigint {
  return balance < 0n ? -balance : 0n;
}

export interface NumberFunds extends FundsInput {
  numberId: string;
  msisdn: string;
  companyId: string;
  status: 'active' | 'blocked' | 'blocked_debt' | 'suspended' | 'terminated';
  ledgerAccountId: string | null;
  available: bigint;
  outstanding: bigint;
}

interface FundsRow {
  number_id: string;
  msisdn: string;
  company_id: string;
  status: NumberFunds['status'];
  ledger_account_id: string | null;
  balance_tiyn: string;
  reserved_tiyn: string;
  billing_method: 'credit' | 'advance';
  individual_limit_tiyn: string | null;
  credit_limit_tiyn: string;
  available_tiyn: string;
}

function toFunds(r: FundsRow): NumberFunds {
  const f: FundsInput = {
    balance: BigInt(r.balance_tiyn),
    reserved: BigInt(r.reserved_tiyn),
    billingMethod: r.billing_method,
    individualLimit: r.individual_limit_tiyn === null ? null : BigInt(r.individual_limit_tiyn),
    creditLimit: BigInt(r.credit_limit_tiyn),
  };
  return {
    ...f,
    numberId: r.number_id,
    msisdn: r.msisdn,
    companyId: r.company_id,
    status: r.status,
    ledgerAccountId: r.ledger_account_id,
    available: BigInt(r.available_tiyn),
    outstanding: outstandingBalance(f.balance),
  };
}

const selectFunds = (join: 'LEFT JOIN' | 'JOIN') => `
  SELECT n.id AS number_id, n.msisdn, n.company_id, n.status, la.id AS ledger_account_id,
         coalesce(la.balance_tiyn, 0) AS balance_tiyn, coalesce(la.reserved_tiyn, 0) AS reserved_tiyn,
         pa.billing_method, n.individual_limit_tiyn, pa.credit_limit_tiyn,
         ${availableFundsSql()} AS available_tiyn
    FROM numbers n
    JOIN personal_accounts pa ON pa.id = n.account_id
    ${join} ledger_accounts la ON la.number_id = n.id`;

/** Funds of the company's numbers with these msisdns (missing ones are left out). */
export async function fundsOf(db: Queryable, companyId: string, msisdns: readonly string[]): Promise<NumberFunds[]> {
  const { rows } = await db.query<FundsRow>(
    `${selectFunds('LEFT JOIN')} WHERE n.company_id = $1 AND n.msisdn = ANY($2::text[]) ORDER BY n.msisdn`,
    [companyId, [...msisdns]],
  );
  return rows.map(toFunds);
}

/**
 * The same, with the numbers' ledger accounts locked FOR UPDATE in id order (the order every
 * posting locks in, so concurrent transfers never deadlock): the balances read here stay true
 * until the transaction ends. The numbers must have ledger accounts (ensureNumberAccounts).
 */
export async function lockFunds(
  tx: Queryable,
  companyId: string,
  numberIds: readonly string[],
): Promise<NumberFunds[]> {
  const { rows } = await tx.query<FundsRow>(
    `${selectFunds('JOIN')} WHERE n.company_id = $1 AND n.id = ANY($2::uuid[]) ORDER BY la.id FOR UPDATE OF la`,
    [companyId, [...numberIds]],
  );
  return rows.map(toFunds);
}
