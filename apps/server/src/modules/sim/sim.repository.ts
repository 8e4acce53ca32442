import type { Queryable } from '../../db/client.js';

export interface ActiveSimRow {
  id: string;
  iccid: string;
  is_esim: boolean;
  installed_at: Date | string;
  /** The number had a SIM before this one: installed_at is then the replacement date. */
  replaced_another: boolean;
}

export interface SimSecretsRow {
  iccid: string;
  pin1_enc: string;
  pin2_enc: string;
  puk1_enc: string;
  puk2_enc: string;
}

/** The number's active SIM card (without its secrets). */
export async function findActiveSim(
  db: Queryable,
  companyId: string,
  numberId: string,
): Promise<ActiveSimRow | undefined> {
  const { rows } = await db.query<ActiveSimRow>(
    `SELECT s.id, s.iccid, s.is_esim, s.installed_at,
            EXISTS (SELECT 1 FROM sims p WHERE p.number_id = s.number_id AND p.id <> s.id) AS replaced_another
     FROM sims s JOIN numbers n ON n.id = s.number_id
     WHERE n.company_id = $1 AND s.number_id = $2 AND s.active`,
    [companyId, numberId],
  );
  return rows[0];
}

/** The active SIM's PIN/PUK, still encrypted. */
export async function findActiveSimSecrets(
  db: Queryable,
  companyId: string,
  numberId: string,
): Promise<SimSecretsRow | undefined> {
  const { rows } = await db.query<SimSecretsRow>(
    `SELECT s.iccid, s.pin1_enc, s.pin2_enc, s.puk1_enc, s.puk2_enc
     FROM sims s JOIN numbers n ON n.id = s.number_id
     WHERE n.company_id = $1 AND s.number_id = $2 AND s.active`,
    [companyId, numberId],
  );
  return rows[0];
}
