import type { Queryable } from '../../db/client.js';
import { recordAction } from '../actions/actions.service.js';
import type { RequestRow } from './requests.repository.js';

/** Actions history (F31) entry for a request's outcome, in the name of the administrator who asked. */
export async function recordRequestAction(
  tx: Queryable,
  request: RequestRow,
  action: string,
  status: 'success' | 'failure',
  target: string | null,
  details: Record<string, unknown>,
) {
  await recordAction(tx, {
    action,
    status,
    companyId: request.company_id,
    administratorId: request.administrator_id,
    target,
    details: { requestId: request.id, ...details },
  });
}
