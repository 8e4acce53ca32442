import type { Db, Queryable } from '../../db/client.js';
import { type Provisioning, ProvisioningFailed } from '../../integrations/network/provisioning.js';
import { AppError } from '../../lib/errors.js';
import { normalizeMsisdn } from '../../lib/identifiers.js';
import { recordAction } from '../actions/actions.service.js';

/** Who acts: the session's administrator, from the request (never from the body). */
export interface Actor {
  administratorId: string;
  ip?: string | null;
}

export interface ActionMeta {
  /** Action code in the actions history, e.g. 'number.block', 'service.activate'. */
  action: string;
  companyId: string;
  actor: Actor;
  /** The number as the caller wrote it; the history shows it normalised when it is valid. */
  msisdnInput: string;
  details?: Record<string, unknown>;
}

/** What the work gives back: its result and more details for the history. */
export interface ActionOutcome<T> {
  result: T;
  details?: Record<string, unknown>;
}

/**
 * Runs one administrator action on a number (F31, O5): the work runs in one transaction and the
 * success entry of the actions history is written in that same transaction. When the work fails,
 * everything it wrote is rolled back and a failure entry is written with the error code. A
 * network command that failed is logged, and answers 502 `provisioning_failed`.
 */
export class NumberActions {
  constructor(
    private readonly db: Db,
    private readonly provisioning: Provisioning,
  ) {}

  async run<T>(meta: ActionMeta, work: (tx: Queryable) => Promise<ActionOutcome<T>>): Promise<T> {
    const target = normalizeMsisdn(meta.msisdnInput) ?? meta.msisdnInput.slice(0, 32);
    const base = {
      action: meta.action,
      companyId: meta.companyId,
      administratorId: meta.actor.administratorId,
      ip: meta.actor.ip ?? null,
      target,
    };
    try {
      return await this.db.transaction(async (tx) => {
        const outcome = await work(tx);
        await recordAction(tx, { ...base, status: 'success', details: { ...meta.details, ...outcome.details } });
        return outcome.result;
      });
    } catch (err) {
      let error = err;
      const details: Record<string, unknown> = { ...meta.details };
      if (err instanceof ProvisioningFailed) {
        await this.provisioning.recordFailure(err);
        details.command = err.command.kind;
        details.networkError = err.reason;
        error = new AppError('provisioning_failed', 502, { command: err.command.kind });
      }
      details.code = error instanceof AppError ? error.code : 'internal_error';
      await recordAction(this.db, { ...base, status: 'failure', details });
      throw error;
    }
  }
}
