import type { Queryable } from '../../db/client.js';

export interface RegistrationRow {
  id: string;
  imei: string;
  kind: 'register' | 'reregister' | 'duplicate' | 'remove';
  state: 'pending' | 'registered' | 'removed' | 'needs_reregistration' | 'needs_duplicate' | 'invalid' | 'failed';
  request_id: string | null;
  requested_at: Date | string;
  completed_at: Date | string | null;
  requested_text: string;
}

const COLUMNS = `id, imei, kind, state, request_id, requested_at, completed_at, requested_at::text AS requested_text`;

/** The number's registration requests, newest first (keyset on requested_at, id). */
export async function listRegistrations(
  q: Queryable,
  numberId: string,
  limit: number,
  before?: { requested: string; id: string },
): Promise<RegistrationRow[]> {
  const { rows } = await q.query<RegistrationRow>(
    `SELECT ${COLUMNS} FROM device_registrations
     WHERE number_id = $1 AND ($2::timestamptz IS NULL OR (requested_at, id) < ($2::timestamptz, $3::uuid))
     ORDER BY requested_at DESC, id DESC LIMIT $4`,
    [numberId, before?.requested ?? null, before?.id ?? null, limit],
  );
  return rows;
}

/** IMEIs registered with the number now: those whose latest registration or removal is a registration. */
export async function registeredImeis(q: Queryable, numberId: string): Promise<string[]> {
  const { rows } = await q.query<{ imei: string; state: string }>(
    `SELECT imei, state FROM (
       SELECT DISTINCT ON (imei) imei, state, COALESCE(completed_at, requested_at) AS at
       FROM device_registrations
       WHERE number_id = $1 AND state IN ('registered', 'removed')
       ORDER BY imei, COALESCE(completed_at, requested_at) DESC, requested_at DESC
     ) latest WHERE state = 'registered' ORDER BY at DESC`,
    [numberId],
  );
  return rows.map((r) => r.imei);
}

export async function pendingRegistrations(q: Queryable, numberId: string): Promise<RegistrationRow[]> {
  const { rows } = await q.query<RegistrationRow>(
    `SELECT ${COLUMNS} FROM device_registrations WHERE number_id = $1 AND state = 'pending' ORDER BY requested_at DESC`,
    [numberId],
  );
  return rows;
}

/** The registry's last answer about one IMEI for the number. */
export async function lastOutcome(
  q: Queryable,
  numberId: string,
  imei: string,
): Promise<RegistrationRow['state'] | null> {
  const { rows } = await q.query<{ state: RegistrationRow['state'] }>(
    `SELECT state FROM device_registrations WHERE number_id = $1 AND imei = $2 AND state <> 'pending'
     ORDER BY COALESCE(completed_at, requested_at) DESC, requested_at DESC LIMIT 1`,
    [numberId, imei],
  );
  return rows[0]?.state ?? null;
}

export async function insertRegistration(
  tx: Queryable,
  r: {
    numberId: string;
    imei: string;
    kind: RegistrationRow['kind'];
    requestId: string;
    previousOwner?: { msisdn: string; iinBin: string } | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO device_registrations (number_id, imei, kind, state, previous_owner_msisdn, previous_owner_iin_bin, request_id)
     VALUES ($1, $2, $3, 'pending', $4, $5, $6)`,
    [r.numberId, r.imei, r.kind, r.previousOwner?.msisdn ?? null, r.previousOwner?.iinBin ?? null, r.requestId],
  );
}

export async function completeRegistration(tx: Queryable, requestId: string, state: RegistrationRow['state']) {
  await tx.query(`UPDATE device_registrations SET state = $2, completed_at = clock_timestamp() WHERE request_id = $1`, [
    requestId,
    state,
  ]);
}
