/**
 * Network provisioning port (O5). Every change the portal makes to a number on the network
 * (services, blocks, forwardings, SIM / eSIM swaps) is one command through this port. The
 * adapter either applies it (resolves) or refuses it (rejects); it never half-applies.
 */

export type ForwardingType = 'unconditional' | 'busy' | 'no_answer' | 'unreachable';

interface CommandBase {
  companyId: string;
  numberId: string;
  msisdn: string;
}

export type ProvisioningCommand = CommandBase &
  (
    | { kind: 'service_activate' | 'service_deactivate'; payload: { serviceCode: string } }
    | { kind: 'block' | 'unblock'; payload: Record<string, never> }
    | {
        kind: 'forwarding_add';
        payload: {
          type: ForwardingType;
          direction: 'number' | 'service';
          targetMsisdn: string | null;
          serviceCode: string | null;
        };
      }
    | { kind: 'forwarding_remove'; payload: { type: ForwardingType } }
    | { kind: 'sim_swap'; payload: { iccid: string } }
    | { kind: 'esim_swap'; payload: { activationCode: string } }
  );

export type ProvisioningKind = ProvisioningCommand['kind'];

export interface NetworkProvisioning {
  readonly name: string;
  /**
   * Applies one command on the network. Resolves when the network confirmed it; rejects when
   * it did not (the change is then not applied). Real adapters must bound the wait (timeout).
   */
  execute(command: ProvisioningCommand): Promise<void>;
}

/** The network refused or did not confirm a command. */
export class NetworkCommandError extends Error {
  constructor(
    message: string,
    public readonly command: ProvisioningCommand,
  ) {
    super(message);
    this.name = 'NetworkCommandError';
  }
}
