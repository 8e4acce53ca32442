/** The demo's companies, personal accounts and numbers, generated deterministically in memory. */

import { randomUUID } from 'node:crypto';
import { almatyTime } from '@portal/calendar';
import { IMEI_TACS, tariffByCode } from './catalog.js';
import {
  ADMIN_A_PHONE,
  ADMIN_B_PHONE,
  BENCH_MSISDN_PREFIX,
  BIN_COMPANY_B,
  BIN_LARGE,
  BIN_SMALL_1,
  BIN_SMALL_2,
  MANUAL_NUMBERS,
} from './constants.js';
import { Rng } from './prng.js';
import { addDays } from './time.js';

export type CompanyKey = 'large' | 'small1' | 'small2' | 'companyB';
export type AdminKey = 'A' | 'B';
export type NumberStatus = 'active' | 'blocked' | 'blocked_debt' | 'suspended' | 'terminated';
export type BillingMethod = 'credit' | 'advance';

export const NUMBER_STATUSES: readonly NumberStatus[] = [
  'active',
  'blocked',
  'blocked_debt',
  'suspended',
  'terminated',
];

interface CommonAccountSpec {
  accountNumber: string;
  /** Relative weight among the company's common accounts. */
  weight: number;
  billing: BillingMethod;
  creditLimitTiyn: number;
}

export interface CompanySpec {
  key: CompanyKey;
  bin: string;
  fullName: string;
  legalAddress: string;
  admin: AdminKey;
  alias: string | null;
  size: number;
  commonAccounts: readonly CommonAccountSpec[];
  /** Share of numbers on a common account; the others get a separate account each. */
  commonShare: number;
  /** First account number of the company's separate accounts. */
  separateBase: number;
  separateBilling: BillingMethod;
  tariffs: readonly (readonly [string, number])[];
  /** Statuses given to the first generated numbers, so that every status appears. */
  forcedStatuses: readonly NumberStatus[];
  /** MSISDN blocks (first 7 digits) the company's numbers mostly come from. */
  blocks: readonly string[];
  /** Numbers with usage records: all of them, or about this many. */
  usageSample: 'all' | number;
}

export const COMPANY_SPECS: readonly CompanySpec[] = [
  {
    key: 'large',
    bin: BIN_LARGE,
    fullName: 'ТОО «Алатау Логистик Групп»',
    legalAddress: 'Республика Казахстан, г. Алматы, Бостандыкский район, пр. Аль-Фараби, 110, офис 1204',
    admin: 'A',
    alias: 'Алатау Логистик',
    size: 2000,
    commonAccounts: [
      { accountNumber: '25602051', weight: 5, billing: 'credit', creditLimitTiyn: 500_000_000 },
      { accountNumber: '10021376', weight: 3, billing: 'credit', creditLimitTiyn: 300_000_000 },
      { accountNumber: '25602052', weight: 2, billing: 'advance', creditLimitTiyn: 0 },
    ],
    commonShare: 0.8,
    separateBase: 25_061_000,
    separateBilling: 'credit',
    tariffs: [
      ['kart_blansh_plus_1000', 30],
      ['biznes_klass_specialist', 25],
      ['biznes_klass_menedzher', 8],
      ['kooperativ_11', 12],
      ['business_connect_5000', 12],
      ['kcell_business_unlimited', 6],
      ['business_m2m', 7],
    ],
    forcedStatuses: ['blocked', 'blocked_debt', 'suspended', 'terminated'],
    blocks: ['7701054', '7702252', '7778062', '7701144', '7701211', '7775310'],
    usageSample: 100,
  },
  {
    key: 'small1',
    bin: BIN_SMALL_1,
    fullName: 'ТОО «Степь Агро Трейд»',
    legalAddress: 'Республика Казахстан, г. Астана, район Есиль, ул. Сыганак, 29, офис 305',
    admin: 'A',
    alias: null,
    size: 35,
    commonAccounts: [{ accountNumber: '25870001', weight: 1, billing: 'credit', creditLimitTiyn: 30_000_000 }],
    commonShare: 0.7,
    separateBase: 25_870_100,
    separateBilling: 'credit',
    tariffs: [
      ['biznes_klass_specialist', 40],
      ['kart_blansh_plus_1000', 30],
      ['business_connect_5000', 20],
      ['business_m2m', 10],
    ],
    forcedStatuses: ['blocked', 'blocked_debt'],
    blocks: ['7701733', '7775402'],
    usageSample: 'all',
  },
  {
    key: 'small2',
    bin: BIN_SMALL_2,
    fullName: 'ТОО «Каспий Сервис Инжиниринг»',
    legalAddress: 'Республика Казахстан, Атырауская область, г. Атырау, пр. Сатпаева, 15А',
    admin: 'A',
    alias: 'Каспий',
    size: 12,
    commonAccounts: [{ accountNumber: '25880001', weight: 1, billing: 'advance', creditLimitTiyn: 0 }],
    commonShare: 0.5,
    separateBase: 25_880_100,
    separateBilling: 'advance',
    tariffs: [
      ['kcell_business_unlimited', 40],
      ['biznes_klass_menedzher', 30],
      ['kooperativ_11', 30],
    ],
    forcedStatuses: ['suspended'],
    blocks: ['7702918'],
    usageSample: 'all',
  },
  {
    key: 'companyB',
    bin: BIN_COMPANY_B,
    fullName: 'ТОО «Номад Диджитал Солюшнс» (Nomad Digital Solutions LLP)',
    legalAddress: 'Republic of Kazakhstan, Almaty, Medeu district, Dostyk Ave. 180, office 7',
    admin: 'B',
    alias: 'Nomad Digital',
    size: 20,
    commonAccounts: [{ accountNumber: '26010001', weight: 1, billing: 'advance', creditLimitTiyn: 0 }],
    commonShare: 0.75,
    separateBase: 26_010_100,
    separateBilling: 'credit',
    tariffs: [
      ['business_connect_5000', 50],
      ['kcell_business_unlimited', 30],
      ['biznes_klass_specialist', 20],
    ],
    forcedStatuses: ['blocked', 'terminated'],
    blocks: ['7701960', '7778115'],
    usageSample: 'all',
  },
];

interface NumberOverride {
  accountNumber?: string;
  tariff?: string;
  balanceTiyn?: number;
  statusChangedAt?: Date;
  imei?: string;
}

/** Values shown in the manual's screenshots for its sample numbers. */
const MANUAL_OVERRIDES: Readonly<Record<string, NumberOverride>> = {
  '77010542001': { accountNumber: '25602051', tariff: 'kart_blansh_plus_1000', balanceTiyn: 89_300 },
  '77010542006': { accountNumber: '25060831', tariff: 'biznes_klass_specialist', balanceTiyn: 698_200 },
  '77010542007': {
    accountNumber: '25060830',
    tariff: 'biznes_klass_specialist',
    balanceTiyn: 44_600,
    imei: '35367807651154',
  },
  '77780627247': { accountNumber: '25869160', tariff: 'kooperativ_11', balanceTiyn: 997_033 },
  '77011441876': { tariff: 'biznes_klass_specialist', imei: '86931904650265' },
  '77022522931': { statusChangedAt: almatyTime(2025, 1, 21, 9, 14), imei: '35400310539693' },
  '77010542285': { tariff: 'kart_blansh_plus_1000', statusChangedAt: almatyTime(2025, 3, 16, 11, 58) },
  '77012111415': { tariff: 'biznes_klass_specialist' },
  // The number behind the manual's invoice 3024211480941 ("+7 701 … 17").
  '77010542017': { accountNumber: '10021376', tariff: 'kart_blansh_plus_1000' },
};

/** Separate accounts of the manual's numbers (large company, credit). */
const MANUAL_SEPARATE_ACCOUNTS = ['25060830', '25060831', '25869160'];

export interface CompanyRow {
  id: string;
  bin: string;
  full_name: string;
  legal_address: string;
  created_at: string;
}

export interface AccountRow {
  id: string;
  company_id: string;
  account_number: string;
  account_type: 'separate' | 'common';
  billing_method: BillingMethod;
  credit_limit_tiyn: number;
  created_at: string;
}

export interface NumberRow {
  id: string;
  company_id: string;
  account_id: string;
  msisdn: string;
  tariff_code: string;
  status: NumberStatus;
  status_changed_at: string;
  individual_limit_tiyn: number | null;
  registration_form_number: string | null;
  esim_enabled: boolean;
  roaming: boolean;
  last_detected_imei: string | null;
  created_at: string;
}

export interface DemoNumber {
  row: NumberRow;
  company: CompanyKey;
  account: AccountRow;
  /** Position across the whole demo; seeds the SQL-side hashes of usage records. */
  index: number;
  createdAt: Date;
  statusChangedAt: Date;
  balanceTiyn: number;
  withUsage: boolean;
  isManual: boolean;
}

export interface DemoCompany {
  spec: CompanySpec;
  row: CompanyRow;
  accounts: AccountRow[];
  numbers: DemoNumber[];
}

const ISO = (d: Date): string => d.toISOString();

/** Builds every company with its accounts and numbers. */
export function buildCompanies(now: Date): DemoCompany[] {
  const used = new Set<string>([ADMIN_A_PHONE, ADMIN_B_PHONE, ...MANUAL_NUMBERS, ...Object.keys(MANUAL_OVERRIDES)]);
  let index = 0;
  return COMPANY_SPECS.map((spec) => {
    const company = buildCompany(spec, now, used, index);
    index += company.numbers.length;
    return company;
  });
}

function buildCompany(spec: CompanySpec, now: Date, used: Set<string>, firstIndex: number): DemoCompany {
  const rng = Rng.named(`company:${spec.key}`);
  const companyCreated = addDays(now, -rng.int(2200, 3300));
  const row: CompanyRow = {
    id: randomUUID(),
    bin: spec.bin,
    full_name: spec.fullName,
    legal_address: spec.legalAddress,
    created_at: ISO(companyCreated),
  };
  const accounts = new AccountBook(row.id, ISO(companyCreated), spec);
  const manual = spec.key === 'large' ? Object.keys(MANUAL_OVERRIDES) : [];
  const msisdns = [...manual];
  while (msisdns.length < spec.size) msisdns.push(randomMsisdn(rng, spec.blocks, used));

  const numbers = msisdns.map((msisdn, i) => {
    const isManual = i < manual.length;
    const forced = isManual ? 'active' : spec.forcedStatuses[i - manual.length];
    return buildNumber({ spec, rng, now, msisdn, index: firstIndex + i, accounts, forced, isManual });
  });
  markUsage(spec, numbers);
  return { spec, row, accounts: accounts.all(), numbers };
}

/** The company's personal accounts, created as numbers are placed on them. */
class AccountBook {
  private readonly byNumber = new Map<string, AccountRow>();
  private nextSeparate: number;

  constructor(
    private readonly companyId: string,
    private readonly createdAt: string,
    private readonly spec: CompanySpec,
  ) {
    this.nextSeparate = spec.separateBase;
    for (const common of spec.commonAccounts) {
      this.add(common.accountNumber, 'common', common.billing, common.creditLimitTiyn);
    }
  }

  common(rng: Rng): AccountRow {
    const accountNumber = rng.weighted(this.spec.commonAccounts.map((a) => [a.accountNumber, a.weight] as const));
    return this.byNumber.get(accountNumber) as AccountRow;
  }

  /** The named account (a manual sample), or a new separate one. */
  separate(rng: Rng, accountNumber?: string): AccountRow {
    const existing = accountNumber ? this.byNumber.get(accountNumber) : undefined;
    if (existing) return existing;
    const billing = accountNumber ? 'credit' : this.spec.separateBilling;
    const limit = billing === 'credit' ? rng.pick([1_000_000, 2_000_000, 3_000_000, 5_000_000]) : 0;
    return this.add(accountNumber ?? String(this.nextSeparate++), 'separate', billing, limit);
  }

  byAccountNumber(accountNumber: string): AccountRow | undefined {
    return this.byNumber.get(accountNumber);
  }

  all(): AccountRow[] {
    return [...this.byNumber.values()];
  }

  private add(accountNumber: string, type: AccountRow['account_type'], billing: BillingMethod, limit: number) {
    const account: AccountRow = {
      id: randomUUID(),
      company_id: this.companyId,
      account_number: accountNumber,
      account_type: type,
      billing_method: billing,
      credit_limit_tiyn: limit,
      created_at: this.createdAt,
    };
    this.byNumber.set(accountNumber, account);
    return account;
  }
}

function randomMsisdn(rng: Rng, blocks: readonly string[], used: Set<string>): string {
  for (;;) {
    const msisdn = rng.chance(0.65)
      ? `${rng.pick(blocks)}${rng.digits(4)}`
      : `7${rng.weighted([
          ['701', 45],
          ['702', 20],
          ['775', 15],
          ['778', 20],
        ] as const)}${rng.digits(7)}`;
    if (msisdn.startsWith(BENCH_MSISDN_PREFIX) || used.has(msisdn)) continue;
    used.add(msisdn);
    return msisdn;
  }
}

interface NumberInput {
  spec: CompanySpec;
  rng: Rng;
  now: Date;
  msisdn: string;
  index: number;
  accounts: AccountBook;
  forced: NumberStatus | undefined;
  isManual: boolean;
}

function buildNumber(input: NumberInput): DemoNumber {
  const { spec, rng, now, msisdn, isManual } = input;
  const override = MANUAL_OVERRIDES[msisdn] ?? {};
  const createdAt = isManual ? almatyTime(2019, 2 + (input.index % 12), 11, 10, 30) : addDays(now, -rng.int(450, 2400));
  const status = input.forced ?? pickStatus(rng);
  const statusChangedAt = override.statusChangedAt ?? statusDate(rng, now, status, createdAt);
  const account = pickAccount(input, override);
  const tariff = override.tariff ?? rng.weighted(spec.tariffs);
  const esimAllowed = tariffByCode(tariff).esim_allowed;
  const row: NumberRow = {
    id: randomUUID(),
    company_id: account.company_id,
    account_id: account.id,
    msisdn,
    tariff_code: tariff,
    status,
    status_changed_at: ISO(statusChangedAt),
    individual_limit_tiyn: rng.chance(0.15) ? rng.pick([500_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000]) : null,
    registration_form_number: rng.chance(0.55) ? `${rng.int(2015, 2025)}-${rng.digits(6)}` : null,
    esim_enabled: !isManual && esimAllowed && rng.chance(0.07),
    roaming: status === 'active' && !isManual && rng.chance(0.015),
    last_detected_imei:
      override.imei ?? (isManual || (status !== 'terminated' && rng.chance(0.75)) ? randomImei(rng) : null),
    created_at: ISO(createdAt),
  };
  const balanceTiyn = override.balanceTiyn ?? pickBalance(rng, status, account.billing_method);
  return {
    row,
    company: spec.key,
    account,
    index: input.index,
    createdAt,
    statusChangedAt,
    balanceTiyn,
    withUsage: false,
    isManual,
  };
}

function pickAccount(input: NumberInput, override: NumberOverride): AccountRow {
  const { accounts, rng, spec } = input;
  if (override.accountNumber) {
    const known = accounts.byAccountNumber(override.accountNumber);
    if (known) return known;
    if (MANUAL_SEPARATE_ACCOUNTS.includes(override.accountNumber))
      return accounts.separate(rng, override.accountNumber);
  }
  return rng.chance(spec.commonShare) ? accounts.common(rng) : accounts.separate(rng);
}

function pickStatus(rng: Rng): NumberStatus {
  return rng.weighted([
    ['active', 88],
    ['blocked', 5],
    ['blocked_debt', 3],
    ['suspended', 2],
    ['terminated', 2],
  ] as const);
}

/** When the number got its current status. */
function statusDate(rng: Rng, now: Date, status: NumberStatus, createdAt: Date): Date {
  const daysAgo: Record<NumberStatus, [number, number]> = {
    active: [1, 300],
    blocked: [1, 120],
    blocked_debt: [5, 90],
    suspended: [10, 300],
    terminated: [30, 380],
  };
  // Most active numbers never changed status; some were unblocked later.
  if (status === 'active' && !rng.chance(0.1)) return createdAt;
  const [min, max] = daysAgo[status];
  const at = addDays(now, -rng.int(min, max) + rng.next());
  return at > createdAt ? at : addDays(createdAt, 1);
}

function pickBalance(rng: Rng, status: NumberStatus, billing: BillingMethod): number {
  switch (status) {
    case 'blocked_debt':
      return -rng.int(50_000, 2_500_000);
    case 'terminated':
      return rng.chance(0.7) ? 0 : rng.int(100, 50_000);
    case 'blocked':
      return rng.int(0, 500_000);
    case 'suspended':
      return rng.int(0, 300_000);
    default:
      if (billing === 'credit' && rng.chance(0.06)) return -rng.int(10_000, 300_000);
      return rng.weighted([
        [rng.int(0, 100_000), 15],
        [rng.int(100_000, 1_500_000), 65],
        [rng.int(1_500_000, 8_000_000), 15],
        [0, 5],
      ] as const);
  }
}

export function randomImei(rng: Rng): string {
  return `${rng.pick(IMEI_TACS)}${rng.digits(6)}`;
}

/** Marks which numbers get usage records: all of a small company, a sample of the large one. */
function markUsage(spec: CompanySpec, numbers: DemoNumber[]): void {
  const live = numbers.filter((n) => n.row.status !== 'terminated');
  if (spec.usageSample === 'all') {
    for (const n of live) n.withUsage = true;
    return;
  }
  const manual = live.filter((n) => n.isManual);
  const others = live.filter((n) => !n.isManual);
  const step = Math.max(1, Math.floor(others.length / (spec.usageSample - manual.length)));
  for (const n of manual) n.withUsage = true;
  for (let i = 0; i < others.length && i / step < spec.usageSample - manual.length; i += step) {
    (others[i] as DemoNumber).withUsage = true;
  }
}
