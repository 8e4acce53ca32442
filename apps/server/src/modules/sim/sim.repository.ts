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

export interface NewSimSecrets {
  pin1_enc: string;
  pin2_enc: string;
  puk1_enc: string;
  puk2_enc: string;
}

/** Whether a card with this ICCID exists (on any number, active or replaced). */
export async function iccidExists(db: Queryable, iccid: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM sims WHERE iccid = $1', [iccid]);
  return rows.length > 0;
}

/**
 * Replaces the number's active SIM (F21, F22): the old card becomes inactive with its replacement
 * time, the new one active from the same moment. Returns that moment (the new replacement date).
 */
export async function replaceActiveSim(
  tx: Queryable,
  numberId: string,
  card: { iccid: string; isEsim: boolean } & NewSimSecrets,
): Promise<Date | string> {
  await tx.query('UPDATE sims SET active = false, replaced_at = now() WHERE number_id = $1 AND active', [numberId]);
  const { rows } = await tx.query<{ installed_at: Date | string }>(
    `INSERT INTO sims (number_id, iccid, is_esim, pin1_enc, pin2_enc, puk1_enc, puk2_enc, installed_at, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now(), true) RETURNING installed_at`,
    [numberId, card.iccid, card.isEsim, card.pin1_enc, card.pin2_enc, card.puk1_enc, card.puk2_enc],
  );
  return (rows[0] as { installed_at: Date | string }).installed_at;
}
