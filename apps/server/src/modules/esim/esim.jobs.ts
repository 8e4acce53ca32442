import type { AppContext } from '../../context.js';
import type { Provisioning } from '../../integrations/network/provisioning.js';
import { randomDigits } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import { luhnCheckDigit } from '../../lib/identifiers.js';
import { recordRequestAction } from '../requests/request-actions.js';
import type { RequestHandler } from '../requests/request-handler.js';
import { ESIM_REPLACEMENT } from '../requests/request-kinds.js';
import { lockRequestNumber } from '../requests/request-number.js';
import { iccidExists, replaceActiveSim } from '../sim/sim.repository.js';
import { newSimSecrets } from '../sim/sim-replacement.jobs.js';
import { esimRefusal } from './esim.service.js';

const toIso = (v: Date | string) => new Date(v).toISOString();

/**
 * F22 eSIM replacement, performed after "Change to eSIM" was confirmed: the number must still be
 * neither blocked nor roaming; the physical card is deactivated, an eSIM profile (its own ICCID and
 * PIN/PUK) becomes the active SIM, "eSIM enabled" turns on, and the network confirms (esim_swap)
 * as the transaction's last step. A failure marks the order failed: the administrator issues again.
 */
export function esimReplacementHandler(ctx: AppContext, provisioning: Provisioning): RequestHandler {
  return {
    kind: ESIM_REPLACEMENT,
    async perform(tx, request) {
      const orderId = String(request.params.orderId);
      const n = await lockRequestNumber(tx, request);
      const refusal = esimRefusal(n);
      if (refusal) throw new AppError(refusal.code, refusal.status, { status: n.status, roaming: n.roaming });
      const { rows } = await tx.query<{ activation_code: string }>(
        'SELECT activation_code FROM esim_orders WHERE id = $1 AND number_id = $2',
        [orderId, n.id],
      );
      const order = rows[0];
      if (!order) throw new AppError('not_found', 404);
      let iccid: string;
      do {
        const payload = `8999702${randomDigits(12)}`;
        iccid = `${payload}${luhnCheckDigit(payload)}`;
      } while (await iccidExists(tx, iccid));
      const at = await replaceActiveSim(tx, n.id, { iccid, isEsim: true, ...newSimSecrets(ctx.secretsKey) });
      await tx.query('UPDATE numbers SET esim_enabled = true WHERE id = $1', [n.id]);
      await recordRequestAction(tx, request, 'esim.replace', 'success', n.msisdn, { orderId, iccid });
      await provisioning.run(tx, {
        kind: 'esim_swap',
        companyId: n.company_id,
        numberId: n.id,
        msisdn: n.msisdn,
        payload: { activationCode: order.activation_code },
      });
      return {
        status: 'succeeded',
        data: { msisdn: n.msisdn, orderId, iccid, isEsim: true, replacementDate: toIso(at) },
        messageKey: 'esim_replacement_done',
        noteKey: 'esim_replacement_note',
      };
    },
    async onFailure(tx, request, code, details) {
      await tx.query(`UPDATE esim_orders SET status = 'failed' WHERE id = $1 AND status = 'confirmed'`, [
        String(request.params.orderId),
      ]);
      await recordRequestAction(tx, request, 'esim.replace', 'failure', request.msisdn, {
        orderId: request.params.orderId,
        code,
        ...details,
      });
      return undefined;
    },
  };
}
