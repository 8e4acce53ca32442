/**
 * Idempotency-Key (spec/api.md): the key is claimed inside the same database transaction as the
 * write it protects, and the response is stored there too — so a key is either unused, or bound to
 * exactly one committed write and its response. A concurrent request with the same key waits for
 * the first one's transaction (the primary key conflict), then replays its response.
 *
 * Only successful responses are kept: a refusal rolls the claim back with everything else, so a
 * retry after the cause is fixed (e.g. after a top-up) is evaluated afresh.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** A stable hash of the request's meaning (normalised fields, not the raw bytes). */
export function requestHash(operation: string, request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, request]))
    .digest('hex');
}

/**
 * Claims the key for this request, or returns the stored response of the request that claimed it.
 * A key used with another request (or another operation) is refused: 422 `idempotency_key_reused`.
 */
export async function claimKey(
  tx: Queryable,
  claim: { companyId: string; key: string; operation: string; hash: string },
): Promise<StoredResponse | null> {
  const inserted = await tx.query(
    `INSERT INTO idempotency_keys (company_id, key, operation, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (company_id, key) DO NOTHING RETURNING key`,
    [claim.companyId, claim.key, claim.operation, claim.hash],
  );
  if (inserted.rowCount > 0) return null;
  const { rows } = await tx.query<{
    operation: string;
    request_hash: string;
    response_status: number | null;
    response_body: unknown;
  }>(
    `SELECT operation, request_hash, response_status, response_body FROM idempotency_keys
      WHERE company_id = $1 AND key = $2`,
    [claim.companyId, claim.key],
  );
  const row = rows[0];
  if (!row || row.operation !== claim.operation || row.request_hash !== claim.hash || row.response_status === null) {
    throw new AppError('idempotency_key_reused', 422, {
      fields: [{ field: 'idempotency-key', code: 'idempotency_key_reused' }],
    });
  }
  return { status: row.response_status, body: row.response_body };
}

/** Stores the response of the claimed key (same transaction as the claim and the write). */
export async function storeResponse(
  tx: Queryable,
  key: { companyId: string; key: string },
  response: StoredResponse,
): Promise<void> {
  await tx.query(
    `UPDATE idempotency_keys SET response_status = $3, response_body = $4::jsonb WHERE company_id = $1 AND key = $2`,
    [key.companyId, key.key, response.status, JSON.stringify(response.body)],
  );
}
