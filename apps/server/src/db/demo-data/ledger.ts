import type { Queryable } from '../client.js';

/** Makes sure the operator's singleton ledger accounts exist; returns their ids by kind. */
export async function operatorAccounts(tx: Queryable): Promise<Map<string, string>> {
  await tx.query(
    `INSERT INTO ledger_accounts (kind)
       SELECT unnest(ARRAY['operator_cash', 'operator_revenue', 'unallocated_payments'])
     ON CONFLICT (kind) WHERE number_id IS NULL AND company_id IS NULL DO NOTHING`,
  );
  const { rows } = await tx.query<{ id: string; kind: string }>(
    'SELECT id, kind FROM ledger_accounts WHERE number_id IS NULL AND company_id IS NULL',
  );
  return new Map(rows.map((r) => [r.kind, r.id]));
}

export async function operatorCashAccount(tx: Queryable): Promise<string> {
  const cash = (await operatorAccounts(tx)).get('operator_cash');
  if (!cash) throw new Error('the operator_cash ledger account is missing');
  return cash;
}

/** Sets the operator accounts' cached balance to the sum of their entries. */
export async function refreshOperatorBalances(tx: Queryable): Promise<void> {
  await tx.query(
    `UPDATE ledger_accounts a
        SET balance_tiyn = coalesce((SELECT sum(e.amount_tiyn) FROM ledger_entries e WHERE e.account_id = a.id), 0)
      WHERE a.number_id IS NULL AND a.company_id IS NULL`,
  );
}
