/** Kinds of the asynchronous requests this module set runs (B4). */
export const SIM_REPLACEMENT = 'sim_replacement';
export const ESIM_REPLACEMENT = 'esim_replacement';
/** Only one SIM or eSIM change per number at a time. */
export const SIM_CHANGE_KINDS = [SIM_REPLACEMENT, ESIM_REPLACEMENT];
export const DEVICE_KINDS = ['register', 'reregister', 'duplicate', 'remove'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const deviceRequestKind = (kind: DeviceKind) => `device_${kind}`;
