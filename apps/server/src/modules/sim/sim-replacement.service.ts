import { AppError } from '../../lib/errors.js';
import type { Language } from '../../lib/i18n.js';
import { isValidIccid } from '../../lib/identifiers.js';
import type { Actor } from '../numbers/number-actions.js';
import type { NumbersService } from '../numbers/numbers.service.js';
import { SIM_CHANGE_KINDS, SIM_REPLACEMENT } from '../requests/request-kinds.js';
import { hasOpenRequest } from '../requests/requests.repository.js';
import type { RequestsService } from '../requests/requests.service.js';
import { iccidExists } from './sim.repository.js';

/** The ICCID as printed on the card may have spaces or dashes between digit groups. */
export const cleanIccid = (input: string) => input.replace(/[\s-]/g, '');

const iccidError = (code: 'invalid_iccid' | 'iccid_in_use', status: number) =>
  new AppError(code, status, { fields: [{ field: 'iccid', code }] });

/**
 * F21 SIM replacement: checked and accepted at once (202 with a request), performed by a job
 * through the network port (sim-replacement.jobs.ts).
 */
export class SimReplacementService {
  constructor(
    private readonly numbers: NumbersService,
    private readonly requests: RequestsService,
  ) {}

  async request(companyId: string, msisdnInput: string, iccidInput: string, actor: Actor, lang: Language) {
    const iccid = cleanIccid(iccidInput);
    const id = await this.numbers.actions.run(
      { action: 'sim.replace.request', companyId, actor, msisdnInput, details: { iccid: iccid.slice(0, 24) } },
      async (tx) => {
        const n = await this.numbers.lock(tx, companyId, msisdnInput);
        if (!isValidIccid(iccid)) throw iccidError('invalid_iccid', 400);
        if (n.status !== 'active') throw new AppError('sim_replacement_needs_active', 409, { status: n.status });
        if (await iccidExists(tx, iccid)) throw iccidError('iccid_in_use', 409);
        const { rows } = await tx.query(
          `SELECT 1 FROM requests WHERE kind = $1 AND status IN ('pending', 'running') AND params->>'iccid' = $2`,
          [SIM_REPLACEMENT, iccid],
        );
        if (rows.length > 0) throw iccidError('iccid_in_use', 409);
        if (await hasOpenRequest(tx, n.id, SIM_CHANGE_KINDS)) throw new AppError('sim_change_in_progress', 409);
        const requestId = await this.requests.create(tx, {
          companyId,
          administratorId: actor.administratorId,
          numberId: n.id,
          kind: SIM_REPLACEMENT,
          params: { iccid },
        });
        return { result: requestId, details: { requestId } };
      },
    );
    await this.requests.dispatch(id);
    return this.requests.get(companyId, id, lang);
  }
}
