/** Per-number details of the demo: SIMs, status history, services, allowances, contract phones, devices, forwardings. */

import { randomUUID } from 'node:crypto';
import { almatyDateOf, almatyTime } from '@portal/calendar';
import { encryptSecret } from '../../lib/crypto.js';
import { luhnCheckDigit } from '../../lib/identifiers.js';
import {
  type AllowanceDef,
  CONTRACT_DEVICES,
  CONTRACT_PROMOTIONS,
  type ContractDevice,
  DATA_PACK_MB,
  type Localized,
  MANUAL_CONTRACT_DEVICE,
  ONNET_UNLIMITED_ALLOWANCE,
  TARIFF_ALLOWANCES,
} from './catalog.js';
import type { AdminKey, DemoNumber, NumberStatus } from './model.js';
import { Rng } from './prng.js';
import { addDays, addMinutes, almatyYearMonth, monthStart } from './time.js';

const ISO = (d: Date): string => d.toISOString();

export interface SimRow {
  id: string;
  number_id: string;
  iccid: string;
  is_esim: boolean;
  pin1_enc: string;
  pin2_enc: string;
  puk1_enc: string;
  puk2_enc: string;
  installed_at: string;
  replaced_at: string | null;
  active: boolean;
}

export interface StatusHistoryRow {
  number_id: string;
  status: NumberStatus;
  changed_at: string;
  changed_by: 'administrator' | 'operator' | 'system';
  administrator_id: string | null;
  reason: string | null;
}

export interface NumberServiceRow {
  number_id: string;
  service_code: string;
  activated_at: string;
  activated_by: 'operator' | 'administrator';
}

export interface AllowanceRow {
  number_id: string;
  kind: 'remaining' | 'additional';
  name: Localized;
  unit: 'min' | 'sms' | 'mb';
  total: number | null;
  available: number | null;
  connected_at: string;
  available_until: string;
}

export interface ContractRow {
  number_id: string;
  status: 'activated' | 'completed' | 'terminated';
  activated_on: string;
  terminates_on: string;
  term_months: number;
  monthly_payment_tiyn: number;
  price_tiyn: number;
  promotion_name: string | null;
  device_name: string;
  device_type: string;
}

export interface DeviceRegistrationRow {
  number_id: string;
  imei: string;
  kind: 'register' | 'reregister' | 'duplicate' | 'remove';
  state: 'registered' | 'removed' | 'needs_reregistration' | 'needs_duplicate' | 'invalid';
  previous_owner_msisdn: string | null;
  previous_owner_iin_bin: string | null;
  requested_at: string;
  completed_at: string | null;
}

export interface ForwardingRow {
  number_id: string;
  type: 'unconditional' | 'busy' | 'no_answer' | 'unreachable';
  direction: 'number' | 'service';
  target_msisdn: string | null;
  service_code: string | null;
  created_at: string;
}

// ---------------------------------------------------------------------------------------------
// SIMs

/** The manual's SIM card ("SIM card and device"), given to 77010542001. */
const MANUAL_SIM = {
  msisdn: '77010542001',
  iccid: '89997022001210685270',
  secrets: { pin1: '0000', pin2: '9098', puk1: '13178690', puk2: '48419033' },
  replacedAt: almatyTime(2023, 10, 6, 9, 55),
};

/** A new unique 20-digit Kazakh ICCID (89997 + issuer digits + serial + Luhn digit). */
function randomIccid(rng: Rng, used: Set<string>): string {
  for (;;) {
    const payload = `8999702${rng.digits(12)}`;
    const iccid = `${payload}${luhnCheckDigit(payload)}`;
    if (!used.has(iccid)) {
      used.add(iccid);
      return iccid;
    }
  }
}

function sealedSecrets(
  secrets: { pin1: string; pin2: string; puk1: string; puk2: string },
  key: Buffer,
): Pick<SimRow, 'pin1_enc' | 'pin2_enc' | 'puk1_enc' | 'puk2_enc'> {
  return {
    pin1_enc: encryptSecret(secrets.pin1, key),
    pin2_enc: encryptSecret(secrets.pin2, key),
    puk1_enc: encryptSecret(secrets.puk1, key),
    puk2_enc: encryptSecret(secrets.puk2, key),
  };
}

function randomSecrets(rng: Rng) {
  return { pin1: rng.digits(4), pin2: rng.digits(4), puk1: rng.digits(8), puk2: rng.digits(8) };
}

/** One active SIM per number; some numbers also keep the SIM their current one replaced. */
export function buildSims(numbers: readonly DemoNumber[], now: Date, key: Buffer): SimRow[] {
  const rng = Rng.named('sims');
  const used = new Set<string>([MANUAL_SIM.iccid]);
  const rows: SimRow[] = [];
  for (const n of numbers) {
    const manual = n.row.msisdn === MANUAL_SIM.msisdn;
    const replaced = manual || rng.chance(0.12);
    const installedAt = manual
      ? MANUAL_SIM.replacedAt
      : replaced
        ? new Date(n.createdAt.getTime() + rng.next() * (now.getTime() - n.createdAt.getTime()))
        : n.createdAt;
    if (replaced) {
      rows.push({
        id: randomUUID(),
        number_id: n.row.id,
        iccid: randomIccid(rng, used),
        is_esim: false,
        ...sealedSecrets(randomSecrets(rng), key),
        installed_at: ISO(n.createdAt),
        replaced_at: ISO(installedAt),
        active: false,
      });
    }
    rows.push({
      id: randomUUID(),
      number_id: n.row.id,
      iccid: manual ? MANUAL_SIM.iccid : randomIccid(rng, used),
      is_esim: n.row.esim_enabled,
      ...sealedSecrets(manual ? MANUAL_SIM.secrets : randomSecrets(rng), key),
      installed_at: ISO(installedAt),
      replaced_at: null,
      active: true,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Status history

const STATUS_CHANGE: Record<Exclude<NumberStatus, 'active'>, Pick<StatusHistoryRow, 'changed_by' | 'reason'>> = {
  blocked: { changed_by: 'administrator', reason: 'Blocked by the company administrator' },
  blocked_debt: { changed_by: 'system', reason: 'Unpaid charges: credit limit exceeded' },
  suspended: { changed_by: 'operator', reason: 'Suspended at the request of the operator (document check)' },
  terminated: { changed_by: 'operator', reason: 'Contract terminated on request' },
};

/** The connection of every number, then the change that gave it its current status. */
export function buildStatusHistory(
  numbers: readonly DemoNumber[],
  adminIds: Readonly<Record<AdminKey, string>>,
): StatusHistoryRow[] {
  const rows: StatusHistoryRow[] = [];
  for (const n of numbers) {
    const adminId = adminIds[n.company === 'companyB' ? 'B' : 'A'];
    rows.push({
      number_id: n.row.id,
      status: 'active',
      changed_at: ISO(n.createdAt),
      changed_by: 'system',
      administrator_id: null,
      reason: 'Number connected',
    });
    if (n.statusChangedAt.getTime() === n.createdAt.getTime()) continue;
    if (n.row.status === 'active') {
      // An unblock by the administrator after an earlier block.
      rows.push({
        number_id: n.row.id,
        status: 'blocked',
        changed_at: ISO(addDays(n.statusChangedAt, -Math.max(1, n.index % 40))),
        changed_by: 'administrator',
        administrator_id: adminId,
        reason: 'Blocked by the company administrator',
      });
      rows.push({
        number_id: n.row.id,
        status: 'active',
        changed_at: ISO(n.statusChangedAt),
        changed_by: 'administrator',
        administrator_id: adminId,
        reason: 'Unblocked by the company administrator',
      });
      continue;
    }
    const change = STATUS_CHANGE[n.row.status];
    rows.push({
      number_id: n.row.id,
      status: n.row.status,
      changed_at: ISO(n.statusChangedAt),
      ...change,
      administrator_id: change.changed_by === 'administrator' ? adminId : null,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Services

const INTL_TARIFFS = ['business_connect_5000', 'biznes_klass_menedzher', 'kcell_business_unlimited'];
const MESSENGER_TARIFFS = ['kart_blansh_plus_1000', 'biznes_klass_specialist', 'kooperativ_11'];

/** Service codes of one number, respecting exclusive groups, prerequisites and tariff restrictions. */
function pickServices(rng: Rng, n: DemoNumber): string[] {
  const tariff = n.row.tariff_code;
  const m2m = tariff === 'business_m2m';
  const codes: string[] = [];
  const add = (condition: boolean, code: string) => {
    if (condition) codes.push(code);
  };
  add(!m2m && rng.chance(0.85), 'onnet_unlimited');
  if (!m2m && rng.chance(0.25)) codes.push(rng.pick(['offnet_100', 'offnet_300']));
  add(!m2m && rng.chance(0.1), 'landline_50');
  if (!m2m && rng.chance(0.2)) codes.push(rng.pick(['sms_100', 'sms_500']));
  add(INTL_TARIFFS.includes(tariff) && rng.chance(0.15), 'intl_calls_60');
  if (rng.chance(0.45))
    codes.push(
      rng.weighted([
        ['data_5gb', 4],
        ['data_10gb', 4],
        ['data_20gb', 2],
      ] as const),
    );
  add(MESSENGER_TARIFFS.includes(tariff) && rng.chance(0.15), 'data_messengers');
  add(!m2m && rng.chance(0.05), 'data_night');
  const roamingRegistered = n.row.roaming || (!m2m && rng.chance(0.06));
  if (roamingRegistered) {
    codes.push('roaming_registration');
    add(rng.chance(0.5), 'business_travel');
    if (rng.chance(0.3)) codes.push(rng.pick(['roaming_data_1gb', 'roaming_data_3gb']));
    add(rng.chance(0.2), 'promo_roaming_half_price');
  }
  add(rng.chance(0.12), 'ussd_ban');
  add(rng.chance(0.3), 'content_block');
  add(!m2m && rng.chance(0.05), 'hidden_caller_id');
  add(!m2m && rng.chance(0.2), 'missed_call_2050');
  add(!m2m && rng.chance(0.08), 'voicemail');
  add(!m2m && rng.chance(0.05), 'caller_tune');
  add(codes.some((c) => c in DATA_PACK_MB) && rng.chance(0.1), 'promo_double_data');
  return codes;
}

/** Fixed services of the manual's numbers (call forwarding to 2050, roaming for "Business travel"). */
const MANUAL_SERVICES: Readonly<Record<string, readonly string[]>> = {
  '77012111415': ['onnet_unlimited', 'missed_call_2050', 'data_10gb'],
  '77010542001': ['onnet_unlimited', 'data_20gb', 'sms_500', 'landline_50', 'content_block'],
  '77011441876': ['onnet_unlimited', 'roaming_registration', 'data_5gb', 'ussd_ban'],
};

/** The services connected to each live number (terminated numbers have none). */
export function buildServices(numbers: readonly DemoNumber[]): Map<string, string[]> {
  const rng = Rng.named('services');
  const result = new Map<string, string[]>();
  for (const n of numbers) {
    if (n.row.status === 'terminated') continue;
    const codes = MANUAL_SERVICES[n.row.msisdn] ?? pickServices(rng, n);
    result.set(n.row.id, [...codes]);
  }
  return result;
}

export function serviceRows(
  numbers: readonly DemoNumber[],
  services: ReadonlyMap<string, readonly string[]>,
  now: Date,
): NumberServiceRow[] {
  const rng = Rng.named('service-dates');
  const rows: NumberServiceRow[] = [];
  for (const n of numbers) {
    for (const code of services.get(n.row.id) ?? []) {
      const span = now.getTime() - n.createdAt.getTime();
      const activatedAt = rng.chance(0.5) ? n.createdAt : new Date(n.createdAt.getTime() + rng.next() * span * 0.95);
      rows.push({
        number_id: n.row.id,
        service_code: code,
        activated_at: ISO(activatedAt),
        activated_by: rng.chance(0.7) ? 'operator' : 'administrator',
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Allowances

/** A used-up fraction of a package, shown as "available X of Y". */
function availableOf(rng: Rng, def: AllowanceDef, full: boolean): number | null {
  if (def.total === null) return null;
  if (full) return def.total;
  const fraction = rng.weighted([
    [1, 25],
    [rng.next(), 60],
    [0, 15],
  ] as const);
  const value = def.total * fraction;
  return def.unit === 'sms' ? Math.floor(value) : Math.round(value * 100) / 100;
}

/** This month's packages: the on-net unlimited one, the tariff's bundle and data packs. */
export function buildAllowances(
  numbers: readonly DemoNumber[],
  services: ReadonlyMap<string, readonly string[]>,
  now: Date,
): AllowanceRow[] {
  const rng = Rng.named('allowances');
  const connected = almatyDateOf(monthStart(now, 0));
  const until = almatyDateOf(monthStart(now, 1));
  const rows: AllowanceRow[] = [];
  for (const n of numbers) {
    const codes = services.get(n.row.id);
    if (!codes) continue;
    const full = n.row.msisdn === '77010542001'; // the manual shows this bundle untouched
    const push = (kind: AllowanceRow['kind'], def: AllowanceDef) =>
      rows.push({
        number_id: n.row.id,
        kind,
        name: def.name,
        unit: def.unit,
        total: def.total,
        available: availableOf(rng, def, full),
        connected_at: connected,
        available_until: until,
      });
    if (codes.includes('onnet_unlimited')) push('remaining', ONNET_UNLIMITED_ALLOWANCE);
    for (const def of TARIFF_ALLOWANCES[n.row.tariff_code] ?? []) push('additional', def);
    for (const code of codes) {
      const pack = DATA_PACK_MB[code];
      if (pack) push('additional', { name: pack.name, unit: 'mb', total: pack.mb });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Contract phones

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
}

function contract(
  numberId: string,
  activated: Date,
  term: number,
  device: ContractDevice,
  promotion: string | null,
  now: Date,
  monthly?: number,
): ContractRow {
  const { year, month } = almatyYearMonth(activated);
  const terminatesOn = lastDayOfMonth(year, month + term - 1);
  return {
    number_id: numberId,
    status: terminatesOn < almatyDateOf(now) ? 'completed' : 'activated',
    activated_on: almatyDateOf(activated),
    terminates_on: terminatesOn,
    term_months: term,
    monthly_payment_tiyn: monthly ?? Math.ceil(device.priceTiyn / term / 100) * 100,
    price_tiyn: device.priceTiyn,
    promotion_name: promotion,
    device_name: device.name,
    device_type: device.type,
  };
}

/** Instalment contracts for about 5% of numbers; some numbers have two. */
export function buildContracts(numbers: readonly DemoNumber[], now: Date): ContractRow[] {
  const rng = Rng.named('contracts');
  const rows: ContractRow[] = [];
  for (const n of numbers) {
    if (n.row.msisdn === '77010542006') {
      // The manual's contract (now completed) and a newer one.
      rows.push(
        contract(n.row.id, almatyTime(2024, 5, 27), 12, MANUAL_CONTRACT_DEVICE, 'Business Phone Plus', now, 90_000),
      );
      rows.push(contract(n.row.id, addDays(now, -75), 24, CONTRACT_DEVICES[1] as ContractDevice, null, now));
      continue;
    }
    if (n.row.status === 'terminated' || n.row.tariff_code === 'business_m2m' || !rng.chance(0.05)) continue;
    const term = rng.pick([12, 12, 24]);
    const latest = contract(
      n.row.id,
      addDays(now, -rng.int(10, term * 30 + 200)),
      term,
      rng.pick(CONTRACT_DEVICES),
      rng.pick(CONTRACT_PROMOTIONS),
      now,
    );
    if (latest.status === 'activated' && rng.chance(0.05)) latest.status = 'terminated';
    rows.push(latest);
    if (rng.chance(0.2)) {
      const older = addDays(new Date(`${latest.activated_on}T00:00:00Z`), -rng.int(400, 800));
      rows.push(contract(n.row.id, older, 12, rng.pick(CONTRACT_DEVICES), rng.pick(CONTRACT_PROMOTIONS), now));
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Device (IMEI) registrations

type Step = Pick<DeviceRegistrationRow, 'kind' | 'state'> & { previousOwner?: boolean };

/** Request histories, oldest first; the last step is the current registration state. */
const SCENARIOS: readonly (readonly [readonly Step[], number])[] = [
  [[{ kind: 'register', state: 'registered' }], 35],
  [
    [
      { kind: 'register', state: 'registered' },
      { kind: 'remove', state: 'removed' },
    ],
    15,
  ],
  [[{ kind: 'register', state: 'needs_reregistration' }], 12],
  [
    [
      { kind: 'register', state: 'needs_reregistration' },
      { kind: 'reregister', state: 'registered', previousOwner: true },
    ],
    12,
  ],
  [[{ kind: 'register', state: 'needs_duplicate' }], 10],
  [
    [
      { kind: 'register', state: 'needs_duplicate' },
      { kind: 'duplicate', state: 'registered' },
    ],
    8,
  ],
  [[{ kind: 'register', state: 'invalid' }], 8],
];

/** The manual's 77010542285: its last IMEI is registered to someone else ("Re-register"). */
const NEEDS_REREGISTRATION: readonly Step[] = [{ kind: 'register', state: 'needs_reregistration' }];

/** Previous owners for re-registrations: numbers of other subscribers and valid IINs. */
const PREVIOUS_OWNERS: readonly (readonly [string, string])[] = [
  ['77012115299', '901202377949'],
  ['77071234567', '750906641295'],
  ['77470981122', '690523683812'],
  ['77755550123', '680821446375'],
];

function manualHistory(numberId: string, msisdn: string): DeviceRegistrationRow[] | null {
  const row = (
    imei: string,
    kind: DeviceRegistrationRow['kind'],
    state: DeviceRegistrationRow['state'],
    at: Date,
  ): DeviceRegistrationRow => ({
    number_id: numberId,
    imei,
    kind,
    state,
    previous_owner_msisdn: null,
    previous_owner_iin_bin: null,
    requested_at: ISO(at),
    completed_at: ISO(addMinutes(at, 3)),
  });
  switch (msisdn) {
    case '77022522931':
      return [
        row('35400310539693', 'register', 'registered', almatyTime(2025, 0, 28, 16, 37)),
        row('35400310539693', 'remove', 'removed', almatyTime(2025, 0, 28, 16, 52)),
        row('35400310539693', 'register', 'registered', almatyTime(2025, 0, 29, 10, 15)),
        row('35400310539693', 'remove', 'removed', almatyTime(2025, 0, 29, 11, 59)),
      ];
    case '77010542007':
      return [
        row('35367807651154', 'duplicate', 'registered', almatyTime(2021, 3, 20, 18, 48)),
        row('35367807651154', 'remove', 'removed', almatyTime(2021, 6, 6, 8, 48)),
      ];
    case '77011441876':
      return [row('86931904650265', 'register', 'registered', almatyTime(2025, 2, 3, 14, 5))];
    case '77010542285':
      return [];
    default:
      return null;
  }
}

/** Registration requests for about 10% of numbers, plus the manual's histories. */
export function buildDeviceRegistrations(numbers: readonly DemoNumber[], now: Date): DeviceRegistrationRow[] {
  const rng = Rng.named('devices');
  const rows: DeviceRegistrationRow[] = [];
  for (const n of numbers) {
    const manual = manualHistory(n.row.id, n.row.msisdn);
    if (manual) {
      rows.push(...manual);
      if (n.row.msisdn === '77010542285' && n.row.last_detected_imei) {
        rows.push(...scenarioRows(rng, n.row.id, n.row.last_detected_imei, NEEDS_REREGISTRATION, now));
      }
      continue;
    }
    const imei = n.row.last_detected_imei;
    if (!imei || !rng.chance(0.13)) continue;
    rows.push(...scenarioRows(rng, n.row.id, imei, rng.weighted(SCENARIOS), now));
  }
  return rows;
}

function scenarioRows(rng: Rng, numberId: string, imei: string, steps: readonly Step[], now: Date) {
  let at = addDays(now, -rng.int(3, 400) + rng.next());
  return steps.map((step) => {
    const owner = step.previousOwner ? rng.pick(PREVIOUS_OWNERS) : null;
    const row: DeviceRegistrationRow = {
      number_id: numberId,
      imei,
      kind: step.kind,
      state: step.state,
      previous_owner_msisdn: owner?.[0] ?? null,
      previous_owner_iin_bin: owner?.[1] ?? null,
      requested_at: ISO(at),
      // The registry answers within 8 hours, and never after "now".
      completed_at: ISO(new Date(Math.min(addMinutes(at, rng.int(2, 480)).getTime(), now.getTime()))),
    };
    at = addDays(at, rng.int(1, 3));
    if (at > now) at = addMinutes(now, -rng.int(60, 600));
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Call forwardings

/** Forwardings for a few numbers: to the missed-call service 2050, to voicemail, to another number. */
export function buildForwardings(
  numbers: readonly DemoNumber[],
  services: ReadonlyMap<string, readonly string[]>,
  now: Date,
): ForwardingRow[] {
  const rng = Rng.named('forwardings');
  const rows: ForwardingRow[] = [];
  const colleagues = numbers.filter((n) => n.row.status === 'active').map((n) => n.row.msisdn);
  for (const n of numbers) {
    const codes = services.get(n.row.id) ?? [];
    if (n.row.status !== 'active') continue;
    const manual = n.row.msisdn === '77012111415';
    if (!manual && !rng.chance(0.04)) continue;
    const created = ISO(addDays(now, -rng.int(1, 200)));
    const toService = (type: ForwardingRow['type'], code: string): ForwardingRow => ({
      number_id: n.row.id,
      type,
      direction: 'service',
      target_msisdn: null,
      service_code: code,
      created_at: created,
    });
    const toNumber = (type: ForwardingRow['type']): ForwardingRow => {
      let target = rng.pick(colleagues);
      if (target === n.row.msisdn) target = `7701${rng.digits(7)}`;
      return {
        number_id: n.row.id,
        type,
        direction: 'number',
        target_msisdn: target,
        service_code: null,
        created_at: created,
      };
    };
    if (manual || (codes.includes('missed_call_2050') && rng.chance(0.6))) {
      rows.push(toService('unconditional', 'missed_call_2050'));
      continue;
    }
    rows.push(toNumber('busy'));
    if (codes.includes('voicemail')) rows.push(toService('no_answer', 'voicemail'));
    else if (rng.chance(0.5)) rows.push(toNumber('no_answer'));
    if (codes.includes('missed_call_2050') && rng.chance(0.5)) rows.push(toService('unreachable', 'missed_call_2050'));
  }
  return rows;
}
