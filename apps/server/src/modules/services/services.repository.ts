import type { Queryable } from '../../db/client.js';

export type ServiceCategory = 'calls_sms' | 'data' | 'roaming' | 'additional' | 'promotions';

export interface CatalogRow {
  code: string;
  category: ServiceCategory;
  name: string;
  terms: string;
  monthly_fee_tiyn: string;
  exclusive_group: string | null;
  requires_service_code: string | null;
  allowed_tariffs: string[] | null;
  operator_only: boolean;
  allowed_while_blocked: boolean;
  is_restriction: boolean;
  available_until: string | null;
  /** The offer's last day is behind us (Almaty date, from the database clock). */
  expired: boolean;
}

/** The operator's services catalog (the same for every company), texts in `lang`. */
export async function loadCatalog(db: Queryable, lang: string): Promise<CatalogRow[]> {
  const { rows } = await db.query<CatalogRow>(
    `SELECT s.code, s.category, coalesce(s.name->>$1, s.name->>'ru') AS name,
            coalesce(s.terms->>$1, s.terms->>'ru') AS terms, s.monthly_fee_tiyn, s.exclusive_group,
            s.requires_service_code, s.allowed_tariffs, s.operator_only, s.allowed_while_blocked, s.is_restriction,
            to_char(s.available_until, 'YYYY-MM-DD') AS available_until,
            -- Asia/Almaty is UTC+5 all year (since March 2024)
            coalesce(s.available_until < (now() AT TIME ZONE 'UTC' + interval '5 hours')::date, false) AS expired
     FROM services s ORDER BY s.sort_order, s.code`,
    [lang],
  );
  return rows;
}

/** Services connected to one number of the company, with their connection time. */
export async function activeServices(
  db: Queryable,
  companyId: string,
  numberId: string,
): Promise<Map<string, Date | string>> {
  const { rows } = await db.query<{ service_code: string; activated_at: Date | string }>(
    `SELECT ns.service_code, ns.activated_at
     FROM number_services ns JOIN numbers n ON n.id = ns.number_id
     WHERE n.company_id = $1 AND ns.number_id = $2`,
    [companyId, numberId],
  );
  return new Map(rows.map((r) => [r.service_code, r.activated_at]));
}

export async function connectService(
  tx: Queryable,
  companyId: string,
  numberId: string,
  code: string,
): Promise<Date | string> {
  const { rows } = await tx.query<{ activated_at: Date | string }>(
    `INSERT INTO number_services (number_id, service_code, activated_at, activated_by)
     SELECT n.id, $3, now(), 'administrator' FROM numbers n WHERE n.id = $2 AND n.company_id = $1
     RETURNING activated_at`,
    [companyId, numberId, code],
  );
  const at = rows[0]?.activated_at;
  if (at === undefined) throw new Error('number vanished inside its own lock');
  return at;
}

export async function disconnectService(tx: Queryable, companyId: string, numberId: string, code: string) {
  await tx.query(
    `DELETE FROM number_services ns USING numbers n
     WHERE n.id = ns.number_id AND n.company_id = $1 AND ns.number_id = $2 AND ns.service_code = $3`,
    [companyId, numberId, code],
  );
}
