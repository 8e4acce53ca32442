import type { Queryable } from '../../db/client.js';

/**
 * National IMEI registry port (O3). The portal registers a device (IMEI) with a number and the
 * company's BIN, moves it from a previous owner (re-registration), registers a duplicate when the
 * IMEI is held with another provider's number, or removes a registration. The real registry answers
 * within 8 hours; the portal asks it from a background job that runs when the answer is due.
 */

export type RegistryRequestKind = 'register' | 'reregister' | 'duplicate' | 'remove';

export interface RegistryRequest {
  /** The portal's request id: a real adapter sends it as the idempotency key, so asking twice is safe. */
  requestId: string;
  kind: RegistryRequestKind;
  /** 14 digits (TAC + serial). */
  imei: string;
  /** The number the device is (to be) registered with, 77XXXXXXXXX. */
  msisdn: string;
  /** The company's BIN: devices of corporate numbers are registered to it. */
  ownerIinBin: string;
  /** Re-registration: who holds the IMEI now, as the administrator stated it. */
  previousOwner?: { msisdn: string; iinBin: string } | null;
}

export const REGISTRY_OUTCOMES = [
  'registered',
  'duplicate_registered',
  'removed',
  'needs_reregistration',
  'needs_duplicate',
  'invalid',
  'previous_owner_mismatch',
  'not_registered',
] as const;

/**
 * The registry's answer:
 * - `registered` / `duplicate_registered` / `removed`: done;
 * - `needs_reregistration`: the IMEI is held by another owner (of this operator): re-register it;
 * - `needs_duplicate`: the IMEI is held with another provider's number: register a duplicate;
 * - `invalid`: the registry does not accept this IMEI;
 * - `previous_owner_mismatch`: the stated previous owner is not the holder (re-registration refused);
 * - `not_registered`: nothing to remove: the IMEI is not registered with this number.
 */
export type RegistryOutcome = (typeof REGISTRY_OUTCOMES)[number];

export interface ImeiRegistry {
  readonly name: string;
  /**
   * Submits one request and returns the registry's answer. `tx` is the portal's transaction that
   * records the answer: the simulator keeps its own state in it (so both commit or neither); a real
   * adapter ignores it and relies on `requestId` for idempotency. Rejects when the registry could
   * not be reached (the job is then retried).
   */
  submit(request: RegistryRequest, tx: Queryable): Promise<RegistryOutcome>;
}
