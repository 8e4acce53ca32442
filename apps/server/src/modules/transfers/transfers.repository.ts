import type { Queryable } from '../../db/client.js';

export interface TransferNumber {
  id: string;
  msisdn: string;
  status: 'active' | 'blocked' | 'blocked_debt' | 'suspended' | 'terminated';
}

/**
 * The company's numbers with these msisdns, share-locked in id order: a number's status cannot
 * change (block, termination) while a transfer that checked it is being written.
 */
export async function lockTransferNumbers(
  tx: Queryable,
  companyId: string,
  msisdns: readonly string[],
): Promise<TransferNumber[]> {
  const { rows } = await tx.query<TransferNumber>(
    `SELECT n.id, n.msisdn, n.status FROM numbers n
      WHERE n.company_id = $1 AND n.msisdn = ANY($2::text[])
      ORDER BY n.id FOR SHARE`,
    [companyId, [...msisdns]],
  );
  return rows;
}

export async function insertTransfer(
  tx: Queryable,
  t: {
    id: string;
    companyId: string;
    fromNumberId: string;
    toNumberId: string;
    amountTiyn: bigint;
    ledgerTransactionId: string;
    administratorId: string | null;
    idempotencyKey: string | null;
  },
): Promise<{ created_at: string }> {
  const { rows } = await tx.query<{ created_at: string }>(
    `INSERT INTO balance_transfers (id, company_id, from_number_id, to_number_id, amount_tiyn, ledger_transaction_id,
                                    administrator_id, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`,
    [
      t.id,
      t.companyId,
      t.fromNumberId,
      t.toNumberId,
      t.amountTiyn.toString(),
      t.ledgerTransactionId,
      t.administratorId,
      t.idempotencyKey,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('balance transfer not inserted');
  return row;
}

export interface TransferListRow {
  id: string;
  from_msisdn: string;
  to_msisdn: string;
  amount_tiyn: string;
  created_at: string;
  /** Full precision, for the cursor. */
  created_at_us: string;
}

/** The company's transfers, newest first, after the (created_at, id) of the cursor. */
export async function listTransfers(
  db: Queryable,
  q: { companyId: string; limit: number; after?: { createdAt: string; id: string } },
): Promise<TransferListRow[]> {
  const params: unknown[] = [q.companyId, q.limit];
  let after = '';
  if (q.after) {
    params.push(q.after.createdAt, q.after.id);
    after = 'AND (bt.created_at, bt.id) < ($3::timestamptz, $4::uuid)';
  }
  const { rows } = await db.query<TransferListRow>(
    `SELECT bt.id, nf.msisdn AS from_msisdn, nt.msisdn AS to_msisdn, bt.amount_tiyn,
            to_char(bt.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
            to_char(bt.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_us
       FROM balance_transfers bt
       JOIN numbers nf ON nf.id = bt.from_number_id
       JOIN numbers nt ON nt.id = bt.to_number_id
      WHERE bt.company_id = $1 ${after}
      ORDER BY bt.created_at DESC, bt.id DESC
      LIMIT $2`,
    params,
  );
  return rows;
}
