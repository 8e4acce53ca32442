/**
 * The report side of the requests table (B4): a report is a request row that a job claims, fills
 * with its file and completes. The requests centre (modules/requests) lists these rows, presents
 * them and serves their files; this file writes only what a report needs, keeping that module's
 * conventions: `result` is `{ data, messageKey, params }`, failures carry `error_code`, every status
 * is appended once to `request_status_history`, `updated_at` moves with each visible change.
 *
 * A long report holds no transaction and no row lock while it is built. Instead a worker leases
 * the request: `run_after` is the lease's end while it runs, renewed as batches go by; a request
 * whose lease ran out (its worker died) may be claimed again.
 */
import { open } from 'node:fs/promises';
import type { Db, Queryable } from '../../db/client.js';
import type { TextKey } from '../../lib/i18n.js';

export interface ReportRequestRow {
  id: string;
  company_id: string;
  administrator_id: string | null;
  number_id: string | null;
  kind: string;
  status: 'pending' | 'running' | 'succeeded' | 'failed';
  params: Record<string, unknown>;
  result: { data?: Record<string, unknown> } | null;
  file_name: string | null;
  /** The file is stored (name and content are written together). */
  has_file: boolean;
  attempts: number;
}

const COLUMNS = `id, company_id, administrator_id, number_id, kind, status, params, result, file_name,
  file_name IS NOT NULL AND file_content IS NOT NULL AS has_file, attempts`;

export async function insertReportRequest(
  tx: Queryable,
  r: { companyId: string; administratorId: string; numberId?: string | null; kind: string; params: object },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO requests (company_id, administrator_id, number_id, kind, status, params, updated_at)
     VALUES ($1, $2, $3, $4, 'pending', $5, clock_timestamp()) RETURNING id`,
    [r.companyId, r.administratorId, r.numberId ?? null, r.kind, JSON.stringify(r.params)],
  );
  const id = (rows[0] as { id: string }).id;
  await tx.query(`INSERT INTO request_status_history (request_id, status) VALUES ($1, 'pending')`, [id]);
  return id;
}

export async function findReportRequest(db: Queryable, id: string): Promise<ReportRequestRow | undefined> {
  const { rows } = await db.query<ReportRequestRow>(`SELECT ${COLUMNS} FROM requests WHERE id = $1`, [id]);
  return rows[0];
}

/**
 * Claims a request for this attempt: a pending one, or a running one whose lease ran out. Counts
 * the attempt; undefined when the request is final or another worker holds a live lease.
 */
export async function claimReportRequest(
  db: Db,
  id: string,
  leaseSeconds: number,
): Promise<ReportRequestRow | undefined> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<ReportRequestRow & { previous: string }>(
      `UPDATE requests r
          SET status = 'running', attempts = r.attempts + 1,
              started_at = coalesce(r.started_at, clock_timestamp()),
              run_after = now() + make_interval(secs => $2),
              updated_at = CASE WHEN b.previous = 'pending' THEN clock_timestamp() ELSE r.updated_at END
         FROM (SELECT status AS previous FROM requests WHERE id = $1 FOR UPDATE) AS b
        WHERE r.id = $1 AND (b.previous = 'pending' OR (b.previous = 'running' AND r.run_after < now()))
        RETURNING r.id, r.company_id, r.administrator_id, r.number_id, r.kind, r.status, r.params, r.result,
                  r.file_name, r.file_name IS NOT NULL AND r.file_content IS NOT NULL AS has_file, r.attempts, b.previous`,
      [id, leaseSeconds],
    );
    const row = rows[0];
    if (row?.previous === 'pending') {
      await tx.query(`INSERT INTO request_status_history (request_id, status) VALUES ($1, 'running')`, [id]);
    }
    return row;
  });
}

/** Renews this attempt's lease while a long report is built (a later attempt's lease is left alone). */
export async function renewLease(db: Queryable, id: string, attempt: number, leaseSeconds: number): Promise<void> {
  await db.query(
    `UPDATE requests SET run_after = now() + make_interval(secs => $3)
      WHERE id = $1 AND status = 'running' AND attempts = $2`,
    [id, attempt, leaseSeconds],
  );
}

/** Ends this attempt's lease at once: the job failed and the queue will retry it. */
export async function releaseLease(db: Queryable, id: string, attempt: number): Promise<void> {
  await db.query(`UPDATE requests SET run_after = now() WHERE id = $1 AND status = 'running' AND attempts = $2`, [
    id,
    attempt,
  ]);
}

/** Bytes per statement when a file is stored: memory stays small however large the file is. */
const STORE_CHUNK = 4 * 1024 * 1024;

/**
 * Stores the built file (read from `path`) on the request, for this attempt only (a worker whose
 * lease was taken over writes nothing): in one transaction, the file goes in by chunks to a
 * temporary table and is put together into `file_content` by the database in a single write.
 * A retry after the commit sends the stored file instead of building it again.
 */
export async function storeReportFile(
  db: Db,
  id: string,
  attempt: number,
  file: { name: string; contentType: string; path: string; rows: number },
): Promise<boolean> {
  const handle = await open(file.path, 'r');
  try {
    const { size } = await handle.stat();
    return await db.transaction(async (tx) => {
      await tx.query(
        'CREATE TEMPORARY TABLE report_file_chunks (seq int PRIMARY KEY, chunk bytea NOT NULL) ON COMMIT DROP',
      );
      const buf = Buffer.allocUnsafe(Math.max(1, Math.min(STORE_CHUNK, size)));
      let offset = 0;
      for (let seq = 0; offset < size; seq++) {
        const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, size - offset), offset);
        if (bytesRead === 0) break;
        await tx.query('INSERT INTO report_file_chunks (seq, chunk) VALUES ($1, $2)', [
          seq,
          buf.subarray(0, bytesRead),
        ]);
        offset += bytesRead;
      }
      const { rowCount } = await tx.query(
        `UPDATE requests
            SET file_name = $3, file_type = $4, updated_at = clock_timestamp(),
                file_content = (SELECT string_agg(chunk, ''::bytea ORDER BY seq) FROM report_file_chunks),
                result = jsonb_build_object('data', jsonb_build_object('rows', $5::int, 'size', $6::int, 'fileName', $3::text))
          WHERE id = $1 AND status = 'running' AND attempts = $2`,
        [id, attempt, file.name, file.contentType, file.rows, size],
      );
      return rowCount === 1;
    });
  } finally {
    await handle.close();
  }
}

export async function readReportFile(db: Queryable, id: string): Promise<Buffer | undefined> {
  const { rows } = await db.query<{ file_content: Uint8Array | null }>(
    'SELECT file_content FROM requests WHERE id = $1',
    [id],
  );
  const content = rows[0]?.file_content;
  return content ? Buffer.from(content) : undefined;
}

/** Sets the final status once, for this attempt only; a request already final (or taken over) is left as it is. */
export async function completeReportRequest(
  db: Db,
  id: string,
  attempt: number,
  outcome: {
    status: 'succeeded' | 'failed';
    data: Record<string, unknown>;
    messageKey?: TextKey;
    params?: Record<string, string | number>;
    errorCode?: TextKey;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const result = {
      data: outcome.data,
      ...(outcome.messageKey ? { messageKey: outcome.messageKey } : {}),
      ...(outcome.params ? { params: outcome.params } : {}),
    };
    const { rowCount } = await tx.query(
      `UPDATE requests
          SET status = $2, result = $3, error_code = $4, run_after = now(),
              started_at = coalesce(started_at, clock_timestamp()), completed_at = clock_timestamp(),
              updated_at = clock_timestamp()
        WHERE id = $1 AND status IN ('pending', 'running') AND attempts = $5`,
      [id, outcome.status, JSON.stringify(result), outcome.errorCode ?? null, attempt],
    );
    if (rowCount === 0) return false;
    await tx.query(`INSERT INTO request_status_history (request_id, status) VALUES ($1, $2)`, [id, outcome.status]);
    return true;
  });
}

/**
 * Report requests a worker should (re)start: pending ones not handed over for `graceSeconds`
 * (stored while no queue ran, or the hand-over was lost), and running ones whose lease ran out.
 */
export async function stalledReportRequests(db: Queryable, kinds: string[], graceSeconds: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM requests
      WHERE kind = ANY($1) AND status IN ('pending', 'running')
        AND run_after < now() - make_interval(secs => $2)
      ORDER BY run_after LIMIT 500`,
    [kinds, graceSeconds],
  );
  return rows.map((r) => r.id);
}
