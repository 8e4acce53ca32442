import type { Queryable } from '../../db/client.js';

export type RequestStatus = 'pending' | 'running' | 'succeeded' | 'failed';

/** What a request's `result` column holds: the kind's own data and translation keys for its texts. */
export interface StoredResult {
  data?: Record<string, unknown>;
  /** Text key (lib/i18n.ts) of the outcome message, translated when read. */
  messageKey?: string;
  /** Text key of an additional note (e.g. the eSIM reboot / IMEI advice). */
  noteKey?: string;
  /** Parameters of the message, note and error texts. */
  params?: Record<string, string | number>;
}

export interface RequestRow {
  id: string;
  company_id: string;
  administrator_id: string | null;
  administrator_name: string | null;
  number_id: string | null;
  msisdn: string | null;
  kind: string;
  status: RequestStatus;
  params: Record<string, unknown>;
  result: StoredResult | null;
  error_code: string | null;
  file_name: string | null;
  file_type: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  completed_at: Date | string | null;
  updated_at: Date | string;
  /** created_at as PostgreSQL prints it: exact to the microsecond, for cursors. */
  created_text: string;
  updated_text: string;
  attempts: number;
}

const SELECT = `
  SELECT r.id, r.company_id, r.administrator_id, a.full_name AS administrator_name, r.number_id, n.msisdn,
         r.kind, r.status, r.params, r.result, r.error_code, r.file_name, r.file_type, r.created_at,
         r.started_at, r.completed_at, r.updated_at, r.created_at::text AS created_text,
         r.updated_at::text AS updated_text, r.attempts
  FROM requests r
  LEFT JOIN administrators a ON a.id = r.administrator_id
  LEFT JOIN numbers n ON n.id = r.number_id`;

export interface NewRequest {
  companyId: string;
  administratorId: string | null;
  numberId: string | null;
  kind: string;
  params: Record<string, unknown>;
  /** The job may run this long after the request was accepted (database clock). */
  delayMs?: number;
}

export async function insertRequest(tx: Queryable, r: NewRequest): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO requests (company_id, administrator_id, number_id, kind, status, params, run_after, updated_at)
     VALUES ($1, $2, $3, $4, 'pending', $5, now() + $6 * interval '1 millisecond', clock_timestamp())
     RETURNING id`,
    [r.companyId, r.administratorId, r.numberId, r.kind, JSON.stringify(r.params), r.delayMs ?? 0],
  );
  const id = (rows[0] as { id: string }).id;
  await tx.query(`INSERT INTO request_status_history (request_id, status) VALUES ($1, 'pending')`, [id]);
  return id;
}

export async function findRequest(q: Queryable, companyId: string, id: string): Promise<RequestRow | undefined> {
  const { rows } = await q.query<RequestRow>(`${SELECT} WHERE r.company_id = $1 AND r.id = $2`, [companyId, id]);
  return rows[0];
}

export async function findRequestById(q: Queryable, id: string): Promise<RequestRow | undefined> {
  const { rows } = await q.query<RequestRow>(`${SELECT} WHERE r.id = $1`, [id]);
  return rows[0];
}

/** The request locked for the rest of the transaction, or undefined when it is already final. */
export async function lockOpenRequest(tx: Queryable, id: string): Promise<RequestRow | undefined> {
  const locked = await tx.query<{ id: string }>(
    `SELECT id FROM requests WHERE id = $1 AND status IN ('pending', 'running') FOR UPDATE`,
    [id],
  );
  if (!locked.rows[0]) return undefined;
  return findRequestById(tx, id);
}

export interface ListFilter {
  companyId: string;
  status?: RequestStatus;
  kind?: string;
  numberId?: string;
  updatedSince?: string;
  /** Keyset: (created_at, id) strictly before this. */
  before?: { created: string; id: string };
  limit: number;
}

export async function listRequests(q: Queryable, f: ListFilter): Promise<RequestRow[]> {
  const params: unknown[] = [f.companyId];
  const where = ['r.company_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.status) add('r.status = ?', f.status);
  if (f.kind) add('r.kind = ?', f.kind);
  if (f.numberId) add('r.number_id = ?', f.numberId);
  if (f.updatedSince) add('r.updated_at > ?::timestamptz', f.updatedSince);
  if (f.before) {
    params.push(f.before.created, f.before.id);
    where.push(`(r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(f.limit);
  const { rows } = await q.query<RequestRow>(
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

/**
 * Requests of a company changed after `since` (a PostgreSQL timestamp as text) less `overlapSeconds`,
 * oldest change first: live updates re-read a short window so that a change committed a moment
 * after a later one is not missed.
 */
export async function changedRequests(
  q: Queryable,
  companyId: string,
  since: string,
  overlapSeconds: number,
  limit: number,
): Promise<RequestRow[]> {
  const { rows } = await q.query<RequestRow>(
    `${SELECT} WHERE r.company_id = $1 AND r.updated_at > $2::timestamptz - $3 * interval '1 second'
     ORDER BY r.updated_at, r.id LIMIT $4`,
    [companyId, since, overlapSeconds, limit],
  );
  return rows;
}

/** The later of two PostgreSQL timestamps (as text). */
export async function laterTimestamp(q: Queryable, a: string, b: string): Promise<string> {
  const { rows } = await q.query<{ t: string }>('SELECT GREATEST($1::timestamptz, $2::timestamptz)::text AS t', [a, b]);
  return (rows[0] as { t: string }).t;
}

/** Marks a pending request running (once) and counts the attempt; open: false when it is already final. */
export async function markRunning(tx: Queryable, id: string): Promise<{ open: boolean; attempts: number }> {
  const { rows } = await tx.query<{ status: RequestStatus }>(
    `SELECT status FROM requests WHERE id = $1 AND status IN ('pending', 'running') FOR UPDATE`,
    [id],
  );
  const before = rows[0];
  if (!before) return { open: false, attempts: 0 };
  const updated = await tx.query<{ attempts: number }>(
    `UPDATE requests SET attempts = attempts + 1, status = 'running',
       started_at = COALESCE(started_at, clock_timestamp()),
       updated_at = CASE WHEN status = 'pending' THEN clock_timestamp() ELSE updated_at END
     WHERE id = $1 RETURNING attempts`,
    [id],
  );
  if (before.status === 'pending') {
    await tx.query(`INSERT INTO request_status_history (request_id, status) VALUES ($1, 'running')`, [id]);
  }
  return { open: true, attempts: (updated.rows[0] as { attempts: number }).attempts };
}

/** Sets the final status; the caller holds the row lock (lockOpenRequest) in this transaction. */
export async function completeRequest(
  tx: Queryable,
  id: string,
  status: 'succeeded' | 'failed',
  result: StoredResult,
  errorCode: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE requests SET status = $2, result = $3, error_code = $4, started_at = COALESCE(started_at, clock_timestamp()),
       completed_at = clock_timestamp(), updated_at = clock_timestamp()
     WHERE id = $1`,
    [id, status, JSON.stringify(result), errorCode],
  );
  await tx.query(`INSERT INTO request_status_history (request_id, status) VALUES ($1, $2)`, [id, status]);
}

export async function attachFile(
  tx: Queryable,
  id: string,
  file: { name: string; contentType: string; content: Buffer },
): Promise<void> {
  await tx.query(
    `UPDATE requests SET file_name = $2, file_type = $3, file_content = $4, updated_at = clock_timestamp() WHERE id = $1`,
    [id, file.name, file.contentType, file.content],
  );
}

export async function readFile(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<{ name: string; type: string | null; content: Buffer } | undefined> {
  const { rows } = await q.query<{
    file_name: string | null;
    file_type: string | null;
    file_content: Uint8Array | null;
  }>('SELECT file_name, file_type, file_content FROM requests WHERE company_id = $1 AND id = $2', [companyId, id]);
  const r = rows[0];
  if (!r?.file_name || !r.file_content) return undefined;
  return { name: r.file_name, type: r.file_type, content: Buffer.from(r.file_content) };
}

/**
 * Open requests of the given kinds for the queue's sweep, with the seconds until each is due. With
 * `overdueSeconds`, only those due and untouched for that long (their hand-over was lost).
 */
export async function openRequests(
  q: Queryable,
  kinds: string[],
  options: { overdueSeconds: number; limit: number },
): Promise<{ id: string; delay_seconds: number }[]> {
  const { rows } = await q.query<{ id: string; delay_seconds: number | string }>(
    `SELECT id, GREATEST(0, EXTRACT(EPOCH FROM run_after - now()))::float8 AS delay_seconds
     FROM requests
     WHERE status IN ('pending', 'running') AND kind = ANY($1)
       AND ($2 = 0 OR (run_after < now() - $2 * interval '1 second' AND updated_at < now() - $2 * interval '1 second'))
     ORDER BY run_after LIMIT $3`,
    [kinds, options.overdueSeconds, options.limit],
  );
  return rows.map((r) => ({ id: r.id, delay_seconds: Number(r.delay_seconds) }));
}

/** Whether the number has an open request of one of these kinds. */
export async function hasOpenRequest(tx: Queryable, numberId: string, kinds: string[]): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM requests WHERE number_id = $1 AND kind = ANY($2) AND status IN ('pending', 'running') LIMIT 1`,
    [numberId, kinds],
  );
  return rows.length > 0;
}
