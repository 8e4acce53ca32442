import type { Db } from '../../db/client.js';
import { decryptSecret } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../numbers/number-actions.js';
import type { NumbersService } from '../numbers/numbers.service.js';
import { findActiveSim, findActiveSimSecrets } from './sim.repository.js';

const toIso = (v: Date | string) => new Date(v).toISOString();

export class SimService {
  constructor(
    private readonly db: Db,
    private readonly numbers: NumbersService,
    private readonly secretsKey: Buffer,
  ) {}

  /** F14: SIM card & device, without PIN/PUK. */
  async card(companyId: string, msisdnInput: string) {
    const n = await this.numbers.ref(companyId, msisdnInput);
    const sim = await findActiveSim(this.db, companyId, n.id);
    return {
      msisdn: n.msisdn,
      iccid: sim?.iccid ?? null,
      isEsim: sim?.is_esim ?? false,
      replacementDate: sim?.replaced_another ? toIso(sim.installed_at) : null,
      imei: n.last_detected_imei,
      secretsAvailable: sim !== undefined,
    };
  }

  /** F14: reveals PIN1/2 and PUK1/2 of the active SIM; every reveal goes to the actions history. */
  async revealSecrets(companyId: string, msisdnInput: string, actor: Actor) {
    return this.numbers.actions.run({ action: 'sim.secrets_viewed', companyId, actor, msisdnInput }, async (tx) => {
      const n = await this.numbers.ref(companyId, msisdnInput, tx);
      const sim = await findActiveSimSecrets(tx, companyId, n.id);
      if (!sim) throw new AppError('sim_not_found', 404);
      const open = (sealed: string) => decryptSecret(sealed, this.secretsKey);
      return {
        result: {
          msisdn: n.msisdn,
          iccid: sim.iccid,
          pin1: open(sim.pin1_enc),
          pin2: open(sim.pin2_enc),
          puk1: open(sim.puk1_enc),
          puk2: open(sim.puk2_enc),
        },
        details: { iccid: sim.iccid },
      };
    });
  }
}
