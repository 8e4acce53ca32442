/** The deterministic demo data set of spec/domain.md, written in one transaction. */
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { seedImeiRegistry } from '../../integrations/imei-registry/simulated-imei-registry.js';
import type { Db, Queryable } from '../client.js';
import { type ActionRow, buildActions } from './activity.js';
import { type Billing, buildBilling, buildLedger, invoicePeriods } from './billing.js';
import { insertRows } from './bulk.js';
import { ANNOUNCEMENTS, servicesCatalog, TARIFFS } from './catalog.js';
import {
  ADMIN_A_EMAIL,
  ADMIN_A_NAME,
  ADMIN_A_PHONE,
  ADMIN_B_EMAIL,
  ADMIN_B_NAME,
  ADMIN_B_PHONE,
  DEMO_PASSWORD,
} from './constants.js';
import {
  buildAllowances,
  buildContracts,
  buildDeviceRegistrations,
  buildForwardings,
  buildServices,
  buildSims,
  buildStatusHistory,
  type ContractRow,
  serviceRows,
} from './details.js';
import { operatorCashAccount, refreshOperatorBalances } from './ledger.js';
import { type AdminKey, buildCompanies, type DemoCompany, type DemoNumber } from './model.js';
import { addDays } from './time.js';
import { insertDemoUsage, monthlyUsageCosts } from './usage.js';

export interface SeedOptions {
  /** Key for PIN/PUK at rest (32 bytes). */
  secretsKey: Buffer;
  /** "Today" of the demo (usage, invoices, statuses are relative to it); default: now. */
  now?: Date;
}

interface Administrator {
  key: AdminKey;
  id: string;
  phone: string;
  email: string;
  full_name: string;
  language: 'ru' | 'en';
  password_hash: string;
}

/** Everything computed before the transaction opens (hashing and encryption are CPU work). */
interface DemoPlan {
  now: Date;
  admins: Administrator[];
  companies: DemoCompany[];
  numbers: DemoNumber[];
  services: Map<string, string[]>;
  contracts: ContractRow[];
  actions: ActionRow[];
}

/**
 * Seeds the demo when administrator A does not exist yet; otherwise does nothing.
 * Deterministic: the same data every time, apart from UUIDs and encrypted blobs.
 */
export async function seedDemoData(db: Db, opts: SeedOptions): Promise<{ created: boolean }> {
  if (await demoExists(db)) return { created: false };
  const plan = await buildPlan(opts.now ?? new Date());
  return db.transaction(async (tx) => {
    if (await demoExists(tx)) return { created: false };
    await writeCatalog(tx, plan.now);
    await writeCompanies(tx, plan);
    await writeNumberDetails(tx, plan, opts.secretsKey);
    await writeLedger(tx, plan);
    const billing = await writeUsageAndBuildBilling(tx, plan);
    await writeBilling(tx, billing);
    await insertRows(tx, 'actions', ACTION_COLUMNS, plan.actions);
    return { created: true };
  });
}

async function demoExists(q: Queryable): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM administrators WHERE phone = $1', [ADMIN_A_PHONE]);
  return rows.length > 0;
}

async function buildPlan(now: Date): Promise<DemoPlan> {
  const [hashA, hashB] = await Promise.all([hash(DEMO_PASSWORD), hash(DEMO_PASSWORD)]);
  const admins: Administrator[] = [
    {
      key: 'A',
      id: randomUUID(),
      phone: ADMIN_A_PHONE,
      email: ADMIN_A_EMAIL,
      full_name: ADMIN_A_NAME,
      language: 'ru',
      password_hash: hashA,
    },
    {
      key: 'B',
      id: randomUUID(),
      phone: ADMIN_B_PHONE,
      email: ADMIN_B_EMAIL,
      full_name: ADMIN_B_NAME,
      language: 'en',
      password_hash: hashB,
    },
  ];
  const companies = buildCompanies(now);
  const numbers = companies.flatMap((c) => c.numbers);
  return {
    now,
    admins,
    companies,
    numbers,
    services: buildServices(numbers),
    contracts: buildContracts(numbers, now),
    actions: buildActions(companies, adminIds(admins), { A: ADMIN_A_EMAIL, B: ADMIN_B_EMAIL }, now),
  };
}

function adminIds(admins: readonly Administrator[]): Record<AdminKey, string> {
  const id = (key: AdminKey) => admins.find((a) => a.key === key)?.id ?? '';
  return { A: id('A'), B: id('B') };
}

async function writeCatalog(tx: Queryable, now: Date): Promise<void> {
  // The operator may already have loaded its own texts and catalogue: keep them.
  for (const a of ANNOUNCEMENTS) {
    await tx.query(
      'INSERT INTO announcements (language, title, body) VALUES ($1, $2, $3) ON CONFLICT (language) DO NOTHING',
      [a.language, a.title, a.body],
    );
  }
  await writeTariffs(tx);
  await insertRows(tx, 'services', SERVICE_COLUMNS, servicesCatalog(now), undefined, 'ON CONFLICT (code) DO NOTHING');
}

/** The demo tariffs, unless the operator already has them. */
export async function writeTariffs(tx: Queryable): Promise<void> {
  await insertRows(tx, 'tariffs', TARIFF_COLUMNS, TARIFFS, undefined, 'ON CONFLICT (code) DO NOTHING');
}

async function writeCompanies(tx: Queryable, plan: DemoPlan): Promise<void> {
  const iso = plan.now.toISOString();
  await insertRows(
    tx,
    'administrators',
    ADMIN_COLUMNS,
    plan.admins.map(({ key: _key, ...a }) => ({ ...a, password_changed_at: iso, created_at: iso, updated_at: iso })),
  );
  await insertRows(
    tx,
    'companies',
    COMPANY_COLUMNS,
    plan.companies.map((c) => c.row),
  );
  const ids = adminIds(plan.admins);
  await insertRows(
    tx,
    'administrator_companies',
    GRANT_COLUMNS,
    plan.companies.map((c) => ({
      administrator_id: ids[c.spec.admin],
      company_id: c.row.id,
      alias: c.spec.alias,
      role: 'owner',
      granted_at: addDays(new Date(c.row.created_at), 30).toISOString(),
    })),
  );
  await insertRows(
    tx,
    'personal_accounts',
    ACCOUNT_COLUMNS,
    plan.companies.flatMap((c) => c.accounts),
  );
  await insertRows(
    tx,
    'numbers',
    NUMBER_COLUMNS,
    plan.numbers.map((n) => n.row),
  );
}

async function writeNumberDetails(tx: Queryable, plan: DemoPlan, key: Buffer): Promise<void> {
  const { numbers, now, services } = plan;
  await insertRows(tx, 'number_status_history', HISTORY_COLUMNS, buildStatusHistory(numbers, adminIds(plan.admins)));
  await insertRows(tx, 'sims', SIM_COLUMNS, buildSims(numbers, now, key), 1000);
  await insertRows(tx, 'number_services', NUMBER_SERVICE_COLUMNS, serviceRows(numbers, services, now));
  await insertRows(tx, 'allowances', ALLOWANCE_COLUMNS, buildAllowances(numbers, services, now));
  await insertRows(tx, 'contract_phones', CONTRACT_COLUMNS, plan.contracts);
  await insertRows(tx, 'device_registrations', DEVICE_COLUMNS, buildDeviceRegistrations(numbers, now));
  await seedImeiRegistry(tx);
  await insertRows(tx, 'call_forwardings', FORWARDING_COLUMNS, buildForwardings(numbers, services, now));
}

async function writeLedger(tx: Queryable, plan: DemoPlan): Promise<void> {
  const ledger = buildLedger(plan.numbers, await operatorCashAccount(tx), plan.now);
  await insertRows(tx, 'ledger_accounts', LEDGER_ACCOUNT_COLUMNS, ledger.accounts);
  await insertRows(tx, 'ledger_transactions', LEDGER_TX_COLUMNS, ledger.transactions);
  await insertRows(tx, 'ledger_entries', LEDGER_ENTRY_COLUMNS, ledger.entries, 5000);
  await refreshOperatorBalances(tx);
}

/** Inserts the usage records, then prices the invoices from them. */
async function writeUsageAndBuildBilling(tx: Queryable, plan: DemoPlan): Promise<Billing> {
  const from = invoicePeriods(plan.now)[0] as Date;
  const withUsage = plan.numbers.filter((n) => n.withUsage);
  await insertDemoUsage(
    tx,
    withUsage.map((n) => ({ id: n.row.id, company_id: n.row.company_id, seed: n.index })),
    from,
    plan.now,
  );
  const costs = await monthlyUsageCosts(
    tx,
    withUsage.map((n) => n.row.id),
    from,
  );
  return buildBilling(plan.companies, plan.services, plan.contracts, costs, plan.now);
}

async function writeBilling(tx: Queryable, billing: Billing): Promise<void> {
  await insertRows(tx, 'invoices', INVOICE_COLUMNS, billing.invoices);
  await insertRows(tx, 'invoice_lines', INVOICE_LINE_COLUMNS, billing.lines, 5000);
  await insertRows(tx, 'payments', PAYMENT_COLUMNS, billing.payments);
}

// Column types of the json_to_recordset batches, per table.

const TARIFF_COLUMNS = { code: 'text', name: 'text', monthly_fee_tiyn: 'bigint', esim_allowed: 'boolean' } as const;

const SERVICE_COLUMNS = {
  code: 'text',
  category: 'text',
  name: 'jsonb',
  terms: 'jsonb',
  monthly_fee_tiyn: 'bigint',
  exclusive_group: 'text',
  requires_service_code: 'text',
  allowed_tariffs: 'text[]',
  operator_only: 'boolean',
  allowed_while_blocked: 'boolean',
  is_restriction: 'boolean',
  available_until: 'date',
  sort_order: 'int',
} as const;

const ADMIN_COLUMNS = {
  id: 'uuid',
  phone: 'text',
  email: 'text',
  full_name: 'text',
  language: 'text',
  password_hash: 'text',
  password_changed_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;

const COMPANY_COLUMNS = {
  id: 'uuid',
  bin: 'text',
  full_name: 'text',
  legal_address: 'text',
  created_at: 'timestamptz',
} as const;

const GRANT_COLUMNS = {
  administrator_id: 'uuid',
  company_id: 'uuid',
  alias: 'text',
  role: 'text',
  granted_at: 'timestamptz',
} as const;

const ACCOUNT_COLUMNS = {
  id: 'uuid',
  company_id: 'uuid',
  account_number: 'text',
  account_type: 'text',
  billing_method: 'text',
  credit_limit_tiyn: 'bigint',
  created_at: 'timestamptz',
} as const;

const NUMBER_COLUMNS = {
  id: 'uuid',
  company_id: 'uuid',
  account_id: 'uuid',
  msisdn: 'text',
  tariff_code: 'text',
  status: 'text',
  status_changed_at: 'timestamptz',
  individual_limit_tiyn: 'bigint',
  registration_form_number: 'text',
  esim_enabled: 'boolean',
  roaming: 'boolean',
  last_detected_imei: 'text',
  created_at: 'timestamptz',
} as const;

const HISTORY_COLUMNS = {
  number_id: 'uuid',
  status: 'text',
  changed_at: 'timestamptz',
  changed_by: 'text',
  administrator_id: 'uuid',
  reason: 'text',
} as const;

const SIM_COLUMNS = {
  id: 'uuid',
  number_id: 'uuid',
  iccid: 'text',
  is_esim: 'boolean',
  pin1_enc: 'text',
  pin2_enc: 'text',
  puk1_enc: 'text',
  puk2_enc: 'text',
  installed_at: 'timestamptz',
  replaced_at: 'timestamptz',
  active: 'boolean',
} as const;

const NUMBER_SERVICE_COLUMNS = {
  number_id: 'uuid',
  service_code: 'text',
  activated_at: 'timestamptz',
  activated_by: 'text',
} as const;

const ALLOWANCE_COLUMNS = {
  number_id: 'uuid',
  kind: 'text',
  name: 'jsonb',
  unit: 'text',
  total: 'numeric',
  available: 'numeric',
  connected_at: 'date',
  available_until: 'date',
} as const;

const CONTRACT_COLUMNS = {
  number_id: 'uuid',
  status: 'text',
  activated_on: 'date',
  terminates_on: 'date',
  term_months: 'int',
  monthly_payment_tiyn: 'bigint',
  price_tiyn: 'bigint',
  promotion_name: 'text',
  device_name: 'text',
  device_type: 'text',
} as const;

const DEVICE_COLUMNS = {
  number_id: 'uuid',
  imei: 'text',
  kind: 'text',
  state: 'text',
  previous_owner_msisdn: 'text',
  previous_owner_iin_bin: 'text',
  requested_at: 'timestamptz',
  completed_at: 'timestamptz',
} as const;

const FORWARDING_COLUMNS = {
  number_id: 'uuid',
  type: 'text',
  direction: 'text',
  target_msisdn: 'text',
  service_code: 'text',
  created_at: 'timestamptz',
} as const;

const LEDGER_ACCOUNT_COLUMNS = {
  id: 'uuid',
  company_id: 'uuid',
  number_id: 'uuid',
  kind: 'text',
  balance_tiyn: 'bigint',
} as const;

const LEDGER_TX_COLUMNS = {
  id: 'uuid',
  company_id: 'uuid',
  kind: 'text',
  description: 'text',
  reference: 'text',
  created_at: 'timestamptz',
} as const;

const LEDGER_ENTRY_COLUMNS = { transaction_id: 'uuid', account_id: 'uuid', amount_tiyn: 'bigint' } as const;

const INVOICE_COLUMNS = {
  id: 'uuid',
  company_id: 'uuid',
  account_id: 'uuid',
  invoice_number: 'text',
  e_invoice_number: 'text',
  period: 'date',
  issued_at: 'timestamptz',
  total_tiyn: 'bigint',
  vat_tiyn: 'bigint',
} as const;

const INVOICE_LINE_COLUMNS = {
  invoice_id: 'uuid',
  number_id: 'uuid',
  category: 'text',
  description: 'text',
  amount_tiyn: 'bigint',
} as const;

const PAYMENT_COLUMNS = {
  company_id: 'uuid',
  account_id: 'uuid',
  paid_on: 'date',
  order_number: 'text',
  amount_tiyn: 'bigint',
  payer_bin: 'text',
  raw_account: 'text',
  allocated_at: 'timestamptz',
  source: 'text',
  created_at: 'timestamptz',
} as const;

const ACTION_COLUMNS = {
  company_id: 'uuid',
  administrator_id: 'uuid',
  action: 'text',
  status: 'text',
  target: 'text',
  details: 'jsonb',
  ip: 'text',
  created_at: 'timestamptz',
} as const;
