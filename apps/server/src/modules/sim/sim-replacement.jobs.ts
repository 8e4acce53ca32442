import type { AppContext } from '../../context.js';
import type { Provisioning } from '../../integrations/network/provisioning.js';
import { encryptSecret, randomDigits } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import { recordRequestAction } from '../requests/request-actions.js';
import type { RequestHandler } from '../requests/request-handler.js';
import { SIM_REPLACEMENT } from '../requests/request-kinds.js';
import { lockRequestNumber } from '../requests/request-number.js';
import { iccidExists, type NewSimSecrets, replaceActiveSim } from './sim.repository.js';

/** New random PIN1/PIN2 (4 digits) and PUK1/PUK2 (8 digits), encrypted for storage. */
export function newSimSecrets(key: Buffer): NewSimSecrets {
  return {
    pin1_enc: encryptSecret(randomDigits(4), key),
    pin2_enc: encryptSecret(randomDigits(4), key),
    puk1_enc: encryptSecret(randomDigits(8), key),
    puk2_enc: encryptSecret(randomDigits(8), key),
  };
}

const toIso = (v: Date | string) => new Date(v).toISOString();

/**
 * F21 SIM replacement, performed: the number must still be active and the ICCID unused; the old
 * card is deactivated (replaced_at), the new one active with new PIN/PUK, and the network confirms
 * the swap (sim_swap) as the transaction's last step — or everything is rolled back.
 */
export function simReplacementHandler(ctx: AppContext, provisioning: Provisioning): RequestHandler {
  return {
    kind: SIM_REPLACEMENT,
    async perform(tx, request) {
      const iccid = String(request.params.iccid);
      const n = await lockRequestNumber(tx, request);
      if (n.status !== 'active') throw new AppError('sim_replacement_needs_active', 409, { status: n.status });
      if (await iccidExists(tx, iccid)) throw new AppError('iccid_in_use', 409);
      const at = await replaceActiveSim(tx, n.id, { iccid, isEsim: false, ...newSimSecrets(ctx.secretsKey) });
      await tx.query('UPDATE numbers SET esim_enabled = false WHERE id = $1', [n.id]);
      await recordRequestAction(tx, request, 'sim.replace', 'success', n.msisdn, { iccid });
      await provisioning.run(tx, {
        kind: 'sim_swap',
        companyId: n.company_id,
        numberId: n.id,
        msisdn: n.msisdn,
        payload: { iccid },
      });
      return {
        status: 'succeeded',
        data: { msisdn: n.msisdn, iccid, isEsim: false, replacementDate: toIso(at) },
        messageKey: 'sim_replacement_done',
      };
    },
    async onFailure(tx, request, code, details) {
      await recordRequestAction(tx, request, 'sim.replace', 'failure', request.msisdn, {
        iccid: request.params.iccid,
        code,
        ...details,
      });
      return undefined;
    },
  };
}
