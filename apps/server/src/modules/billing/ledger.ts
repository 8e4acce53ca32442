/**
 * The double-entry ledger: append-only, integer tiyn. Every transaction's entries sum to zero;
 * a correction is a reversing transaction, never an edit. `ledger_accounts.balance_tiyn` is the
 * sum of the account's entries, kept in the same database transaction as the entries.
 *
 * Sign convention (the demo's opening balances use it too): a number's account holds the
 * subscriber's money, so a payment is number +X / operator_cash −X, a charge is number −X /
 * operator_revenue +X, and a transfer is sender −X / recipient +X.
 */
import type { Queryable } from '../../db/client.js';

export type LedgerKind = 'opening_balance' | 'charge' | 'payment' | 'transfer' | 'reversal' | 'instalment';
export type OperatorAccountKind = 'operator_cash' | 'operator_revenue' | 'unallocated_payments';

export interface LedgerEntry {
  accountId: string;
  amountTiyn: bigint;
}

export interface Posting {
  kind: LedgerKind;
  companyId: string | null;
  /** Unique per kind: posting the same (kind, reference) again changes nothing (idempotency). */
  reference?: string | null;
  description?: string | null;
  reversesId?: string | null;
  entries: readonly LedgerEntry[];
}

export interface Posted {
  id: string;
  createdAt: Date | string;
  /** True when a transaction with this (kind, reference) already existed; nothing was posted. */
  duplicate: boolean;
}

export interface PostOptions {
  /** The caller already holds FOR UPDATE locks on every account of the posting (taken in id order). */
  accountsLocked?: boolean;
}

/** A posting the ledger refuses before the database sees it (a programming error, never user input). */
export class LedgerError extends Error {}

/** Locks the accounts, in id order so that concurrent postings never deadlock; returns their balances. */
export async function lockAccounts(
  tx: Queryable,
  accountIds: readonly string[],
): Promise<Map<string, { balance: bigint; reserved: bigint }>> {
  const ids = [...new Set(accountIds)].sort();
  const { rows } = await tx.query<{ id: string; balance_tiyn: string; reserved_tiyn: string }>(
    'SELECT id, balance_tiyn, reserved_tiyn FROM ledger_accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new LedgerError(`unknown ledger account(s): ${ids.filter((id) => !found.has(id)).join(', ')}`);
  }
  return new Map(rows.map((r) => [r.id, { balance: BigInt(r.balance_tiyn), reserved: BigInt(r.reserved_tiyn) }]));
}

/**
 * Posts one transaction: checks the entries sum to zero, locks the accounts in id order, inserts
 * the transaction and its entries, and moves the accounts' balances — all inside `tx`, the
 * caller's database transaction. With a reference that was posted before, returns that one.
 */
export async function post(tx: Queryable, p: Posting, options: PostOptions = {}): Promise<Posted> {
  if (p.entries.length < 2) throw new LedgerError('a ledger transaction needs at least two entries');
  let sum = 0n;
  const byAccount = new Map<string, bigint>();
  for (const e of p.entries) {
    if (typeof e.amountTiyn !== 'bigint') throw new LedgerError('ledger amounts are bigint tiyn');
    if (e.amountTiyn === 0n) throw new LedgerError('a ledger entry cannot be zero');
    sum += e.amountTiyn;
    byAccount.set(e.accountId, (byAccount.get(e.accountId) ?? 0n) + e.amountTiyn);
  }
  if (sum !== 0n) throw new LedgerError(`ledger entries must sum to zero (sum ${sum})`);

  if (!options.accountsLocked) await lockAccounts(tx, [...byAccount.keys()]);
  const reference = p.reference ?? null;
  const deltas = [...byAccount].filter(([, d]) => d !== 0n);
  // One round trip: the transaction, its entries and the balances (nothing when the reference exists).
  const { rows } = await tx.query<{ id: string; created_at: Date | string; entries: string; accounts: string }>(
    `WITH t AS (
       INSERT INTO ledger_transactions (company_id, kind, description, reference, reverses_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, reference) WHERE reference IS NOT NULL DO NOTHING
       RETURNING id, created_at
     ), e AS (
       INSERT INTO ledger_entries (transaction_id, account_id, amount_tiyn)
       SELECT t.id, x.account_id, x.amount FROM t, unnest($6::uuid[], $7::bigint[]) WITH ORDINALITY AS x(account_id, amount, ord)
        ORDER BY x.ord
       RETURNING 1
     ), u AS (
       UPDATE ledger_accounts a SET balance_tiyn = a.balance_tiyn + d.delta
         FROM t, unnest($8::uuid[], $9::bigint[]) AS d(id, delta)
        WHERE a.id = d.id
       RETURNING 1
     )
     SELECT t.id, t.created_at, (SELECT count(*) FROM e)::text AS entries, (SELECT count(*) FROM u)::text AS accounts
       FROM t`,
    [
      p.companyId,
      p.kind,
      p.description ?? null,
      reference,
      p.reversesId ?? null,
      p.entries.map((e) => e.accountId),
      p.entries.map((e) => e.amountTiyn.toString()),
      deltas.map(([id]) => id),
      deltas.map(([, d]) => d.toString()),
    ],
  );
  const row = rows[0];
  if (!row) {
    const existing = await tx.query<{ id: string; created_at: Date | string }>(
      'SELECT id, created_at FROM ledger_transactions WHERE kind = $1 AND reference = $2',
      [p.kind, reference],
    );
    const found = existing.rows[0];
    if (!found) throw new LedgerError(`ledger reference ${p.kind}:${reference} vanished`);
    return { id: found.id, createdAt: found.created_at, duplicate: true };
  }
  if (Number(row.entries) !== p.entries.length || Number(row.accounts) !== deltas.length) {
    throw new LedgerError(`posting ${row.id} wrote ${row.entries} entries and ${row.accounts} balances`);
  }
  return { id: row.id, createdAt: row.created_at, duplicate: false };
}

/**
 * Reverses a transaction with a new one of opposite entries (kind 'reversal', reference
 * `reversal:<id>`): reversing twice returns the first reversal.
 */
export async function reverse(tx: Queryable, transactionId: string, description?: string): Promise<Posted> {
  const { rows: txs } = await tx.query<{ company_id: string | null; kind: string }>(
    'SELECT company_id, kind FROM ledger_transactions WHERE id = $1',
    [transactionId],
  );
  const original = txs[0];
  if (!original) throw new LedgerError(`no ledger transaction ${transactionId}`);
  const { rows } = await tx.query<{ account_id: string; amount_tiyn: string }>(
    'SELECT account_id, amount_tiyn FROM ledger_entries WHERE transaction_id = $1 ORDER BY id',
    [transactionId],
  );
  return post(tx, {
    kind: 'reversal',
    companyId: original.company_id,
    reference: `reversal:${transactionId}`,
    reversesId: transactionId,
    description: description ?? `Reversal of ${original.kind} ${transactionId}`,
    entries: rows.map((r) => ({ accountId: r.account_id, amountTiyn: -BigInt(r.amount_tiyn) })),
  });
}

/** The operator's singleton account of that kind, created on first use. */
export async function operatorAccount(tx: Queryable, kind: OperatorAccountKind): Promise<string> {
  await tx.query(
    `INSERT INTO ledger_accounts (kind) VALUES ($1)
     ON CONFLICT (kind) WHERE number_id IS NULL AND company_id IS NULL DO NOTHING`,
    [kind],
  );
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM ledger_accounts WHERE kind = $1 AND number_id IS NULL AND company_id IS NULL',
    [kind],
  );
  const id = rows[0]?.id;
  if (!id) throw new LedgerError(`the ${kind} ledger account is missing`);
  return id;
}

/** Makes sure each of these numbers has its ledger account (numbers added after the demo may not). */
export async function ensureNumberAccounts(tx: Queryable, numberIds: readonly string[]): Promise<void> {
  await tx.query(
    `INSERT INTO ledger_accounts (company_id, number_id, kind)
     SELECT n.company_id, n.id, 'number' FROM numbers n
      WHERE n.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM ledger_accounts la WHERE la.number_id = n.id)
     ON CONFLICT (number_id) DO NOTHING`,
    [[...numberIds]],
  );
}

export interface LedgerCheck {
  ok: boolean;
  /** Accounts whose cached balance differs from the sum of their entries. */
  accountMismatches: { accountId: string; balance: string; entries: string }[];
  /** Transactions whose entries do not sum to zero. */
  unbalancedTransactions: { transactionId: string; sum: string }[];
  /** Sum of every account's balance (zero in a closed double-entry system). */
  total: string;
  /** Sum of every entry (zero when every transaction balances). */
  entriesTotal: string;
  accounts: number;
  transactions: number;
}

/**
 * The ledger's invariants, checked over the whole database: each account's balance equals the sum
 * of its entries, each transaction sums to zero, and all balances together sum to zero.
 */
export async function checkLedger(db: Queryable, limit = 20): Promise<LedgerCheck> {
  const mismatches = await db.query<{ account_id: string; balance: string; entries: string }>(
    `SELECT a.id AS account_id, a.balance_tiyn::text AS balance, coalesce(e.sum, 0)::text AS entries
       FROM ledger_accounts a
       LEFT JOIN (SELECT account_id, sum(amount_tiyn) AS sum FROM ledger_entries GROUP BY account_id) e
         ON e.account_id = a.id
      WHERE a.balance_tiyn <> coalesce(e.sum, 0)
      ORDER BY a.id LIMIT $1`,
    [limit],
  );
  const unbalanced = await db.query<{ transaction_id: string; sum: string }>(
    `SELECT transaction_id, sum(amount_tiyn)::text AS sum FROM ledger_entries
      GROUP BY transaction_id HAVING sum(amount_tiyn) <> 0 ORDER BY transaction_id LIMIT $1`,
    [limit],
  );
  const totals = await db.query<{ total: string; accounts: string; entries_total: string; transactions: string }>(
    `SELECT (SELECT coalesce(sum(balance_tiyn), 0)::text FROM ledger_accounts) AS total,
            (SELECT count(*)::text FROM ledger_accounts) AS accounts,
            (SELECT coalesce(sum(amount_tiyn), 0)::text FROM ledger_entries) AS entries_total,
            (SELECT count(*)::text FROM ledger_transactions) AS transactions`,
  );
  const t = totals.rows[0] ?? { total: '0', accounts: '0', entries_total: '0', transactions: '0' };
  const accountMismatches = mismatches.rows.map((r) => ({
    accountId: r.account_id,
    balance: String(r.balance),
    entries: String(r.entries),
  }));
  const unbalancedTransactions = unbalanced.rows.map((r) => ({ transactionId: r.transaction_id, sum: String(r.sum) }));
  return {
    ok:
      accountMismatches.length === 0 &&
      unbalancedTransactions.length === 0 &&
      BigInt(t.total) === 0n &&
      BigInt(t.entries_total) === 0n,
    accountMismatches,
    unbalancedTransactions,
    total: String(t.total),
    entriesTotal: String(t.entries_total),
    accounts: Number(t.accounts),
    transactions: Number(t.transactions),
  };
}
