import type { Db, Queryable } from '../../db/client.js';
import type { NetworkProvisioning, ProvisioningCommand } from './network-provisioning.js';

/** A command the network did not confirm; thrown out of the caller's transaction so it rolls back. */
export class ProvisioningFailed extends Error {
  constructor(
    public readonly command: ProvisioningCommand,
    public readonly reason: string,
    public readonly startedAt: Date,
  ) {
    super(`provisioning ${command.kind} failed: ${reason}`);
    this.name = 'ProvisioningFailed';
  }
}

/**
 * Sends commands through the network port and keeps the provisioning log (provisioning_commands).
 * `run` is called last inside the transaction that makes the matching database change: when the
 * network refuses, it throws, the transaction rolls back and the number stays as it was; the
 * caller then writes the failure with `recordFailure` (outside the rolled-back transaction).
 */
export class Provisioning {
  constructor(
    private readonly db: Db,
    readonly network: NetworkProvisioning,
  ) {}

  async run(tx: Queryable, command: ProvisioningCommand): Promise<void> {
    const startedAt = new Date();
    try {
      await this.network.execute(command);
    } catch (err) {
      throw new ProvisioningFailed(command, err instanceof Error ? err.message : String(err), startedAt);
    }
    await insertCommand(tx, command, 'succeeded', null, startedAt);
  }

  async recordFailure(failure: ProvisioningFailed): Promise<void> {
    await insertCommand(this.db, failure.command, 'failed', failure.reason.slice(0, 500), failure.startedAt);
  }
}

async function insertCommand(
  q: Queryable,
  command: ProvisioningCommand,
  status: 'succeeded' | 'failed',
  error: string | null,
  startedAt: Date,
) {
  // The number must belong to the company: the log never links a number to another company.
  await q.query(
    `INSERT INTO provisioning_commands (company_id, number_id, kind, payload, status, error, created_at, completed_at)
     SELECT n.company_id, n.id, $3, $4, $5, $6, $7, clock_timestamp()
     FROM numbers n WHERE n.id = $2 AND n.company_id = $1`,
    [
      command.companyId,
      command.numberId,
      command.kind,
      JSON.stringify({ msisdn: command.msisdn, ...command.payload }),
      status,
      error,
      startedAt.toISOString(),
    ],
  );
}
