import type { Queryable } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { Language } from '../../lib/i18n.js';
import type { RequestRow } from './requests.repository.js';

/** The number a request is about, locked for the job's transaction, with what the jobs' rules need. */
export interface RequestNumber {
  id: string;
  company_id: string;
  msisdn: string;
  status: 'active' | 'blocked' | 'blocked_debt' | 'suspended' | 'terminated';
  roaming: boolean;
  esim_allowed: boolean;
  company_bin: string;
}

export async function lockRequestNumber(tx: Queryable, request: RequestRow): Promise<RequestNumber> {
  const { rows } = await tx.query<RequestNumber>(
    `SELECT n.id, n.company_id, n.msisdn, n.status, n.roaming, t.esim_allowed, c.bin AS company_bin
     FROM numbers n JOIN tariffs t ON t.code = n.tariff_code JOIN companies c ON c.id = n.company_id
     WHERE n.id = $1 AND n.company_id = $2
     FOR UPDATE OF n`,
    [request.number_id, request.company_id],
  );
  const n = rows[0];
  if (!n) throw new AppError('not_found', 404);
  return n;
}

/** Who asked: their phone and language (for the result SMS), or undefined when they are gone. */
export async function requester(
  q: Queryable,
  request: RequestRow,
): Promise<{ phone: string; language: Language } | undefined> {
  if (!request.administrator_id) return undefined;
  const { rows } = await q.query<{ phone: string; language: Language }>(
    'SELECT phone, language FROM administrators WHERE id = $1',
    [request.administrator_id],
  );
  return rows[0];
}
