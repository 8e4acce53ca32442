import type { Queryable } from '../../db/client.js';

export interface ActionRecord {
  action: string;
  status: 'success' | 'failure';
  administratorId?: string | null;
  companyId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Actions history (F31): every administrator action, failures too. */
export async function recordAction(db: Queryable, a: ActionRecord): Promise<void> {
  await db.query(
    `INSERT INTO actions (company_id, administrator_id, action, status, target, details, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      a.companyId ?? null,
      a.administratorId ?? null,
      a.action,
      a.status,
      a.target ?? null,
      JSON.stringify(a.details ?? {}),
      a.ip ?? null,
    ],
  );
}
