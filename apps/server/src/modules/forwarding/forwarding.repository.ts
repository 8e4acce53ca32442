import type { Queryable } from '../../db/client.js';
import type { ForwardingType } from '../../integrations/network/network-provisioning.js';

export interface ForwardingRow {
  id: string;
  type: ForwardingType;
  direction: 'number' | 'service';
  target_msisdn: string | null;
  service_code: string | null;
  created_at: Date | string;
}

const COLUMNS = 'f.id, f.type, f.direction, f.target_msisdn, f.service_code, f.created_at';

/** Forwardings of one number of the company, unconditional first, then busy, no answer, unreachable. */
export async function listForwardings(db: Queryable, companyId: string, numberId: string): Promise<ForwardingRow[]> {
  const { rows } = await db.query<ForwardingRow>(
    `SELECT ${COLUMNS} FROM call_forwardings f JOIN numbers n ON n.id = f.number_id
     WHERE n.company_id = $1 AND f.number_id = $2
     ORDER BY array_position(ARRAY['unconditional', 'busy', 'no_answer', 'unreachable'], f.type)`,
    [companyId, numberId],
  );
  return rows;
}

export async function insertForwarding(
  tx: Queryable,
  companyId: string,
  numberId: string,
  f: Pick<ForwardingRow, 'type' | 'direction' | 'target_msisdn' | 'service_code'>,
): Promise<ForwardingRow> {
  const { rows } = await tx.query<ForwardingRow>(
    `INSERT INTO call_forwardings (number_id, type, direction, target_msisdn, service_code)
     SELECT n.id, $3, $4, $5, $6 FROM numbers n WHERE n.id = $2 AND n.company_id = $1
     RETURNING id, type, direction, target_msisdn, service_code, created_at`,
    [companyId, numberId, f.type, f.direction, f.target_msisdn, f.service_code],
  );
  const row = rows[0];
  if (!row) throw new Error('number vanished inside its own lock');
  return row;
}

export async function findForwarding(
  db: Queryable,
  companyId: string,
  numberId: string,
  id: string,
): Promise<ForwardingRow | undefined> {
  const { rows } = await db.query<ForwardingRow>(
    `SELECT ${COLUMNS} FROM call_forwardings f JOIN numbers n ON n.id = f.number_id
     WHERE n.company_id = $1 AND f.number_id = $2 AND f.id = $3`,
    [companyId, numberId, id],
  );
  return rows[0];
}

export async function deleteForwarding(tx: Queryable, companyId: string, numberId: string, id: string) {
  await tx.query(
    `DELETE FROM call_forwardings f USING numbers n
     WHERE n.id = f.number_id AND n.company_id = $1 AND f.number_id = $2 AND f.id = $3`,
    [companyId, numberId, id],
  );
}
