import { setTimeout as sleep } from 'node:timers/promises';
import { NetworkCommandError, type NetworkProvisioning, type ProvisioningCommand } from './network-provisioning.js';

export interface SimulatedNetworkOptions {
  /** Each command takes this long (ms) before the network confirms it. */
  delayMs?: number;
  /** Commands for these numbers (11 digits) fail, to show and test failures. */
  failMsisdns?: Iterable<string>;
}

/**
 * The demo's network (O5): confirms every command after a configurable delay, except for the
 * numbers in `failMsisdns` (a live set: tests add and remove numbers on the instance).
 */
export class SimulatedNetwork implements NetworkProvisioning {
  readonly name = 'simulator';
  delayMs: number;
  readonly failMsisdns: Set<string>;
  /** Commands this instance confirmed, oldest first (for tests and the demo). */
  readonly confirmed: ProvisioningCommand[] = [];

  constructor(options: SimulatedNetworkOptions = {}) {
    this.delayMs = options.delayMs ?? 0;
    this.failMsisdns = new Set(options.failMsisdns ?? []);
  }

  async execute(command: ProvisioningCommand): Promise<void> {
    if (this.delayMs > 0) await sleep(this.delayMs);
    if (this.failMsisdns.has(command.msisdn)) {
      throw new NetworkCommandError(`simulated network failure for ${command.kind} on ${command.msisdn}`, command);
    }
    this.confirmed.push(command);
    if (this.confirmed.length > 1000) this.confirmed.splice(0, this.confirmed.length - 1000);
  }
}

/** The simulator as configured: NETWORK_SIM_DELAY_MS, NETWORK_SIM_FAIL_MSISDNS (comma-separated). */
export function simulatedNetworkFromConfig(config: {
  NETWORK_SIM_DELAY_MS: number;
  NETWORK_SIM_FAIL_MSISDNS?: string;
}): SimulatedNetwork {
  return new SimulatedNetwork({
    delayMs: config.NETWORK_SIM_DELAY_MS,
    failMsisdns: config.NETWORK_SIM_FAIL_MSISDNS ? config.NETWORK_SIM_FAIL_MSISDNS.split(',') : [],
  });
}
