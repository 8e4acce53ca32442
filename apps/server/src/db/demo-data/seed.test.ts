import { randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '../../lib/crypto.js';
import { binCheckDigit, isValidBinIin, isValidIccid, normalizeImei } from '../../lib/identifiers.js';
import { type Db, openPglite } from '../client.js';
import { migrate } from '../migrate.js';
import {
  ADMIN_A_PHONE,
  ADMIN_B_PHONE,
  BENCH_MSISDN_PREFIX,
  BIN_BENCH,
  BIN_COMPANY_B,
  BIN_LARGE,
  DEMO_BINS,
  DEMO_PASSWORD,
  MANUAL_NUMBERS,
} from './constants.js';
import { getSecretsKey } from './secrets-key.js';
import { seedDemoData } from './seed.js';
import { parseSeedArgs, UsageError } from './seed-args.js';
import { seedLargeCompany } from './seed-large.js';

const NOW = new Date('2026-11-27T06:00:00Z');
const key = randomBytes(32);
const TABLES = [
  'administrators',
  'companies',
  'administrator_companies',
  'personal_accounts',
  'numbers',
  'number_status_history',
  'sims',
  'services',
  'number_services',
  'allowances',
  'contract_phones',
  'device_registrations',
  'call_forwardings',
  'ledger_accounts',
  'ledger_transactions',
  'ledger_entries',
  'usage_records',
  'invoices',
  'invoice_lines',
  'payments',
  'actions',
  'announcements',
];

async function freshDb(): Promise<Db> {
  const db = await openPglite(undefined);
  await migrate(db);
  return db;
}

async function count(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) AS x`, params);
  return Number(rows[0]?.n);
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const t of TABLES) result[t] = await count(db, `SELECT 1 FROM ${t}`);
  return result;
}

/** What must come out the same from two seeds with the same `now`. */
async function fingerprint(db: Db) {
  const numbers = await db.query(
    `SELECT n.msisdn, n.status, n.tariff_code, a.account_number, la.balance_tiyn, s.iccid
       FROM numbers n
       JOIN personal_accounts a ON a.id = n.account_id
       JOIN ledger_accounts la ON la.number_id = n.id
       JOIN sims s ON s.number_id = n.id AND s.active
      ORDER BY n.msisdn`,
  );
  const invoices = await db.query(
    'SELECT invoice_number, period, total_tiyn, vat_tiyn FROM invoices ORDER BY invoice_number',
  );
  const usage = await db.query(
    `SELECT n.msisdn, count(*) AS records, sum(u.cost_tiyn) AS cost, min(u.occurred_at) AS first
       FROM usage_records u JOIN numbers n ON n.id = u.number_id GROUP BY n.msisdn ORDER BY n.msisdn`,
  );
  return { numbers: numbers.rows, invoices: invoices.rows, usage: usage.rows };
}

describe('demo constants', () => {
  it('has valid, distinct BINs with the computed check digit', () => {
    const bins = [...DEMO_BINS, BIN_BENCH];
    expect(new Set(bins).size).toBe(bins.length);
    for (const bin of bins) {
      expect(isValidBinIin(bin)).toBe(true);
      expect(binCheckDigit(bin.slice(0, 11))).toBe(Number(bin[11]));
    }
  });

  it('uses a demo password that is long and not common', () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_PASSWORD).toMatch(/[a-z]/);
    expect(DEMO_PASSWORD).toMatch(/[A-Z]/);
    expect(DEMO_PASSWORD).toMatch(/\d/);
  });
});

describe('seedDemoData on PGlite', () => {
  let db: Db;
  let seedMs = 0;

  beforeAll(async () => {
    db = await freshDb();
    const started = performance.now();
    const result = await seedDemoData(db, { secretsKey: key, now: NOW });
    seedMs = performance.now() - started;
    expect(result.created).toBe(true);
    console.log(`demo seed on PGlite: ${(seedMs / 1000).toFixed(1)} s`);
  }, 120_000);
  afterAll(async () => db?.close());

  it('creates both administrators with argon2id hashes of the demo password', async () => {
    const { rows } = await db.query<{ phone: string; password_hash: string; language: string; email: string }>(
      'SELECT phone, password_hash, language, email FROM administrators ORDER BY phone',
    );
    expect(rows.map((r) => [r.phone, r.language])).toEqual([
      [ADMIN_A_PHONE, 'ru'],
      [ADMIN_B_PHONE, 'en'],
    ]);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verify(r.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await verify(r.password_hash, 'wrong-password')).toBe(false);
      expect(r.email).toMatch(/@/);
    }
  });

  it('gives A three companies (one large, two small) and B one that A cannot see', async () => {
    const { rows } = await db.query<{ phone: string; bin: string; alias: string | null; numbers: string }>(
      `SELECT a.phone, c.bin, ac.alias, (SELECT count(*) FROM numbers n WHERE n.company_id = c.id) AS numbers
         FROM administrator_companies ac
         JOIN administrators a ON a.id = ac.administrator_id
         JOIN companies c ON c.id = ac.company_id`,
    );
    const ofA = rows.filter((r) => r.phone === ADMIN_A_PHONE);
    const ofB = rows.filter((r) => r.phone === ADMIN_B_PHONE);
    expect(ofA).toHaveLength(3);
    expect(ofB).toHaveLength(1);
    expect(ofB[0]?.bin).toBe(BIN_COMPANY_B);
    expect(ofA.map((r) => r.bin)).not.toContain(BIN_COMPANY_B);
    const sizes = ofA.map((r) => Number(r.numbers)).sort((x, y) => x - y);
    expect(sizes[2]).toBeGreaterThan(1900);
    expect(sizes[0]).toBeGreaterThanOrEqual(10);
    expect(sizes[1]).toBeLessThanOrEqual(40);
    expect(Number(ofB[0]?.numbers)).toBeGreaterThanOrEqual(15);
    expect(rows.some((r) => r.alias === null)).toBe(true);
    expect(rows.some((r) => r.alias !== null)).toBe(true);
  });

  it('has valid BINs, ICCIDs, IMEIs and unique operator numbers', async () => {
    const bins = await db.query<{ bin: string }>('SELECT bin FROM companies');
    for (const { bin } of bins.rows) expect(isValidBinIin(bin)).toBe(true);
    const sims = await db.query<{ iccid: string }>('SELECT iccid FROM sims');
    for (const { iccid } of sims.rows) expect(isValidIccid(iccid), iccid).toBe(true);
    expect(sims.rows.map((r) => r.iccid)).toContain('89997022001210685270');
    const imeis = await db.query<{ imei: string }>(
      `SELECT last_detected_imei AS imei FROM numbers WHERE last_detected_imei IS NOT NULL
       UNION SELECT imei FROM device_registrations`,
    );
    for (const { imei } of imeis.rows) expect(normalizeImei(imei)).toBe(imei);
    const msisdns = await db.query<{ msisdn: string }>('SELECT msisdn FROM numbers');
    for (const { msisdn } of msisdns.rows) {
      expect(['701', '702', '775', '778']).toContain(msisdn.slice(1, 4));
      expect(msisdn.startsWith(BENCH_MSISDN_PREFIX)).toBe(false);
    }
    expect(msisdns.rows.map((r) => r.msisdn)).toEqual(expect.arrayContaining([...MANUAL_NUMBERS]));
  });

  it('has every number status, each with its history', async () => {
    const { rows } = await db.query<{ status: string }>('SELECT DISTINCT status FROM numbers ORDER BY status');
    expect(rows.map((r) => r.status)).toEqual(['active', 'blocked', 'blocked_debt', 'suspended', 'terminated']);
    const withoutHistory = await count(
      db,
      `SELECT 1 FROM numbers n WHERE NOT EXISTS (
         SELECT 1 FROM number_status_history h
          WHERE h.number_id = n.id AND h.status = n.status AND h.changed_at = n.status_changed_at)`,
    );
    expect(withoutHistory).toBe(0);
  });

  it('keeps the ledger balanced and the cached balances equal to the entries', async () => {
    const unbalanced = await count(
      db,
      'SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_tiyn) <> 0',
    );
    expect(unbalanced).toBe(0);
    const stale = await count(
      db,
      `SELECT 1 FROM ledger_accounts a
        WHERE a.balance_tiyn <> coalesce((SELECT sum(e.amount_tiyn) FROM ledger_entries e WHERE e.account_id = a.id), 0)`,
    );
    expect(stale).toBe(0);
    expect(
      await count(
        db,
        'SELECT 1 FROM numbers n LEFT JOIN ledger_accounts la ON la.number_id = n.id WHERE la.id IS NULL',
      ),
    ).toBe(0);
    const singletons = await db.query<{ kind: string }>(
      'SELECT kind FROM ledger_accounts WHERE number_id IS NULL AND company_id IS NULL ORDER BY kind',
    );
    expect(singletons.rows.map((r) => r.kind)).toEqual(['operator_cash', 'operator_revenue', 'unallocated_payments']);
    const manual = await db.query<{ msisdn: string; balance: string }>(
      `SELECT n.msisdn, la.balance_tiyn AS balance FROM numbers n JOIN ledger_accounts la ON la.number_id = n.id
        WHERE n.msisdn IN ('77010542001', '77010542006', '77010542007', '77780627247') ORDER BY n.msisdn`,
    );
    expect(manual.rows.map((r) => [r.msisdn, r.balance])).toEqual([
      ['77010542001', '89300'],
      ['77010542006', '698200'],
      ['77010542007', '44600'],
      ['77780627247', '997033'],
    ]);
    const debts = await db.query<{ negative: boolean }>(
      `SELECT bool_and(la.balance_tiyn < 0) AS negative FROM numbers n JOIN ledger_accounts la ON la.number_id = n.id
        WHERE n.status = 'blocked_debt'`,
    );
    expect(debts.rows[0]?.negative).toBe(true);
  });

  it('stores PIN/PUK encrypted with the key, one active SIM per number', async () => {
    const { rows } = await db.query<{ msisdn: string; pin1: string; pin2: string; puk1: string; puk2: string }>(
      `SELECT n.msisdn, s.pin1_enc AS pin1, s.pin2_enc AS pin2, s.puk1_enc AS puk1, s.puk2_enc AS puk2
         FROM sims s JOIN numbers n ON n.id = s.number_id ORDER BY s.iccid LIMIT 200`,
    );
    for (const r of rows) {
      expect(r.pin1).not.toMatch(/^\d+$/);
      expect(decryptSecret(r.pin1, key)).toMatch(/^\d{4}$/);
      expect(decryptSecret(r.pin2, key)).toMatch(/^\d{4}$/);
      expect(decryptSecret(r.puk1, key)).toMatch(/^\d{8}$/);
      expect(decryptSecret(r.puk2, key)).toMatch(/^\d{8}$/);
    }
    const manual = await db.query<{ pin2: string; puk1: string }>(
      `SELECT s.pin2_enc AS pin2, s.puk1_enc AS puk1 FROM sims s WHERE s.iccid = '89997022001210685270' AND s.active`,
    );
    expect(decryptSecret(manual.rows[0]?.pin2 ?? '', key)).toBe('9098');
    expect(decryptSecret(manual.rows[0]?.puk1 ?? '', key)).toBe('13178690');
    expect(await count(db, 'SELECT 1 FROM sims WHERE active')).toBe(await count(db, 'SELECT 1 FROM numbers'));
    expect(await count(db, 'SELECT 1 FROM sims WHERE NOT active AND replaced_at IS NOT NULL')).toBeGreaterThan(0);
    expect(await count(db, 'SELECT 1 FROM sims WHERE is_esim')).toBeGreaterThan(0);
  });

  it('respects the service rules: exclusive groups, prerequisites, tariffs', async () => {
    const doubleGroup = await count(
      db,
      `SELECT ns.number_id, s.exclusive_group FROM number_services ns JOIN services s ON s.code = ns.service_code
        WHERE s.exclusive_group IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(doubleGroup).toBe(0);
    const missingPrerequisite = await count(
      db,
      `SELECT 1 FROM number_services ns JOIN services s ON s.code = ns.service_code
        WHERE s.requires_service_code IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM number_services p WHERE p.number_id = ns.number_id AND p.service_code = s.requires_service_code)`,
    );
    expect(missingPrerequisite).toBe(0);
    const wrongTariff = await count(
      db,
      `SELECT 1 FROM number_services ns JOIN services s ON s.code = ns.service_code JOIN numbers n ON n.id = ns.number_id
        WHERE s.allowed_tariffs IS NOT NULL AND NOT n.tariff_code = ANY (s.allowed_tariffs)`,
    );
    expect(wrongTariff).toBe(0);
    const roamingUnregistered = await count(
      db,
      `SELECT 1 FROM numbers n WHERE n.roaming AND NOT EXISTS (
         SELECT 1 FROM number_services ns WHERE ns.number_id = n.id AND ns.service_code = 'roaming_registration')`,
    );
    expect(roamingUnregistered).toBe(0);
    const categories = await db.query<{ category: string }>('SELECT DISTINCT category FROM services ORDER BY 1');
    expect(categories.rows.map((r) => r.category)).toEqual([
      'additional',
      'calls_sms',
      'data',
      'promotions',
      'roaming',
    ]);
    expect(await count(db, 'SELECT 1 FROM services WHERE is_restriction')).toBe(3);
  });

  it('has the manual’s device history, forwardings, contracts and allowances', async () => {
    const history = await db.query<{ state: string; requested_at: Date }>(
      `SELECT d.state, d.requested_at FROM device_registrations d JOIN numbers n ON n.id = d.number_id
        WHERE n.msisdn = '77022522931' ORDER BY d.requested_at DESC`,
    );
    expect(history.rows.map((r) => [r.state, r.requested_at.toISOString()])).toEqual([
      ['removed', '2025-01-29T06:59:00.000Z'],
      ['registered', '2025-01-29T05:15:00.000Z'],
      ['removed', '2025-01-28T11:52:00.000Z'],
      ['registered', '2025-01-28T11:37:00.000Z'],
    ]);
    const states = await db.query<{ state: string }>('SELECT DISTINCT state FROM device_registrations ORDER BY 1');
    expect(states.rows.map((r) => r.state)).toEqual([
      'invalid',
      'needs_duplicate',
      'needs_reregistration',
      'registered',
      'removed',
    ]);
    const forwarding = await db.query<{ type: string; service_code: string }>(
      `SELECT f.type, f.service_code FROM call_forwardings f JOIN numbers n ON n.id = f.number_id
        WHERE n.msisdn = '77012111415'`,
    );
    expect(forwarding.rows).toEqual([{ type: 'unconditional', service_code: 'missed_call_2050' }]);
    const contract = await db.query(
      `SELECT c.device_name, c.monthly_payment_tiyn, c.price_tiyn, c.term_months, c.promotion_name
         FROM contract_phones c WHERE c.device_name = 'ТЕЛЕФОН IPHONE 11 BLACK 128 GB' AND c.activated_on = '2024-06-27'`,
    );
    expect(contract.rows[0]).toMatchObject({
      monthly_payment_tiyn: '90000',
      price_tiyn: '120000',
      term_months: 12,
      promotion_name: 'Business Phone Plus',
    });
    const twoContracts = await count(db, 'SELECT number_id FROM contract_phones GROUP BY 1 HAVING count(*) > 1');
    expect(twoContracts).toBeGreaterThan(0);
    const allowances = await db.query<{ kind: string; en: string; total: string | null; connected_at: Date }>(
      `SELECT a.kind, a.name->>'en' AS en, a.total, a.connected_at FROM allowances a JOIN numbers n ON n.id = a.number_id
        WHERE n.msisdn = '77010542001' ORDER BY a.kind DESC, a.total NULLS FIRST`,
    );
    expect(allowances.rows.map((r) => [r.kind, r.en, r.total])).toEqual(
      expect.arrayContaining([
        ['remaining', 'Unlimited calls to Kcell/activ', null],
        ['additional', 'Minutes to KZ landlines', '50.00'],
        ['additional', 'SMS to all KZ mobiles', '500.00'],
        ['additional', 'MB', '20480.00'],
      ]),
    );
  });

  it('has 13 months of usage at 30–60 records per number per month, under 300k rows', async () => {
    const total = await count(db, 'SELECT 1 FROM usage_records');
    expect(total).toBeGreaterThan(50_000);
    expect(total).toBeLessThan(300_000);
    const { rows } = await db.query<{ min: string; max: string; months: string }>(
      `SELECT min(c) AS min, max(c) AS max, count(DISTINCT m) AS months FROM (
         SELECT number_id, date_trunc('month', (occurred_at AT TIME ZONE 'UTC') + interval '5 hours') AS m, count(*) AS c
           FROM usage_records WHERE occurred_at < '2026-11-01T00:00:00+05' GROUP BY 1, 2) AS x`,
    );
    expect(Number(rows[0]?.min)).toBeGreaterThanOrEqual(30);
    expect(Number(rows[0]?.max)).toBeLessThanOrEqual(60);
    expect(Number(rows[0]?.months)).toBe(13);
    expect(await count(db, `SELECT 1 FROM usage_records WHERE occurred_at > $1`, [NOW.toISOString()])).toBe(0);
  });

  it('issues 13 monthly invoices per account whose lines add up, and payments', async () => {
    const mismatched = await count(
      db,
      `SELECT 1 FROM invoices i
        WHERE i.total_tiyn <> (SELECT coalesce(sum(l.amount_tiyn), 0) FROM invoice_lines l WHERE l.invoice_id = i.id)
           OR i.vat_tiyn <> round(i.total_tiyn * 12 / 112.0)`,
    );
    expect(mismatched).toBe(0);
    expect(await count(db, 'SELECT DISTINCT period FROM invoices')).toBe(13);
    expect(await count(db, "SELECT 1 FROM invoices WHERE invoice_number !~ '^30[0-9]{11}$'")).toBe(0);
    const manual = await db.query<{ msisdn: string }>(
      `SELECT DISTINCT n.msisdn FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id JOIN numbers n ON n.id = l.number_id
        WHERE i.invoice_number = '3024211480941'`,
    );
    expect(manual.rows.map((r) => r.msisdn)).toContain('77010542017');
    const unallocated = await db.query<{ bin: string; company: boolean }>(
      `SELECT p.payer_bin AS bin, p.company_id IS NOT NULL AS company FROM payments p
        WHERE p.account_id IS NULL AND p.allocated_at IS NULL AND p.payer_bin = $1`,
      [BIN_LARGE],
    );
    expect(unallocated.rows).toHaveLength(3);
    expect(unallocated.rows.every((r) => r.company)).toBe(true);
    const companiesPaying = await count(
      db,
      'SELECT DISTINCT company_id FROM payments WHERE allocated_at IS NOT NULL AND account_id IS NOT NULL',
    );
    expect(companiesPaying).toBe(4);
  });

  it('records a few dozen actions per company, successes and failures', async () => {
    const { rows } = await db.query<{ n: string; failures: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'failure') AS failures FROM actions GROUP BY company_id`,
    );
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(Number(r.n)).toBeGreaterThanOrEqual(15);
      expect(Number(r.failures)).toBeGreaterThan(0);
    }
  });

  it('has the login-page announcement in three languages', async () => {
    const { rows } = await db.query<{ language: string; body: string }>(
      'SELECT language, body FROM announcements ORDER BY language',
    );
    expect(rows.map((r) => r.language)).toEqual(['en', 'kk', 'ru']);
    for (const r of rows) {
      expect(r.body).toContain('9099');
      expect(r.body).toContain('email@kcell.kz');
    }
    expect(rows.find((r) => r.language === 'kk')?.body).toMatch(/[әғқңөұүһі]/);
  });

  it('does nothing the second time', async () => {
    const before = await tableCounts(db);
    expect(await seedDemoData(db, { secretsKey: key, now: NOW })).toEqual({ created: false });
    expect(await tableCounts(db)).toEqual(before);
  });

  it('is deterministic: a second database gets the same numbers, balances and invoices', async () => {
    const other = await freshDb();
    try {
      await seedDemoData(other, { secretsKey: randomBytes(32), now: NOW });
      expect(await fingerprint(other)).toEqual(await fingerprint(db));
    } finally {
      await other.close();
    }
  }, 120_000);

  it('adds the bench company set-based, idempotently, beside the demo', async () => {
    const started = performance.now();
    const first = await seedLargeCompany(db, { numbers: 2000, usagePerNumber: 3, secretsKey: key, now: NOW });
    console.log(`bench company, 2000 numbers on PGlite: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(first.created).toBe(true);
    const numbers = await db.query<{ msisdn: string; status: string }>(
      'SELECT msisdn, status FROM numbers WHERE company_id = $1',
      [first.companyId],
    );
    expect(numbers.rows).toHaveLength(2000);
    for (const n of numbers.rows) expect(n.msisdn.startsWith(BENCH_MSISDN_PREFIX)).toBe(true);
    expect(new Set(numbers.rows.map((n) => n.status)).size).toBe(5);
    const iccids = await db.query<{ iccid: string; pin1: string }>(
      'SELECT s.iccid, s.pin1_enc AS pin1 FROM sims s JOIN numbers n ON n.id = s.number_id WHERE n.company_id = $1',
      [first.companyId],
    );
    expect(iccids.rows).toHaveLength(2000);
    for (const s of iccids.rows) expect(isValidIccid(s.iccid), s.iccid).toBe(true);
    expect(decryptSecret(iccids.rows[0]?.pin1 ?? '', key)).toMatch(/^\d{4}$/);
    expect(await count(db, 'SELECT 1 FROM usage_records WHERE company_id = $1', [first.companyId])).toBe(6000);
    expect(
      await count(
        db,
        `SELECT 1 FROM administrator_companies ac JOIN administrators a ON a.id = ac.administrator_id
          WHERE a.phone = $1 AND ac.company_id = $2`,
        [ADMIN_A_PHONE, first.companyId],
      ),
    ).toBe(1);
    const stale = await count(
      db,
      `SELECT 1 FROM ledger_accounts a
        WHERE a.balance_tiyn <> coalesce((SELECT sum(e.amount_tiyn) FROM ledger_entries e WHERE e.account_id = a.id), 0)`,
    );
    expect(stale).toBe(0);
    expect(await count(db, 'SELECT 1 FROM ledger_accounts WHERE company_id = $1', [first.companyId])).toBe(2000);

    const again = await seedLargeCompany(db, { numbers: 2000, usagePerNumber: 3, secretsKey: key, now: NOW });
    expect(again).toEqual({ companyId: first.companyId, created: false });
    const grown = await seedLargeCompany(db, { numbers: 2500, usagePerNumber: 0, secretsKey: key, now: NOW });
    expect(grown.created).toBe(true);
    expect(await count(db, 'SELECT 1 FROM numbers WHERE company_id = $1', [first.companyId])).toBe(2500);
    expect(
      await count(
        db,
        'SELECT 1 FROM sims WHERE active AND number_id IN (SELECT id FROM numbers WHERE company_id = $1)',
        [first.companyId],
      ),
    ).toBe(2500);
  }, 60_000);
});

describe('getSecretsKey', () => {
  it('prefers the configuration, else generates a key once and keeps it', async () => {
    const db = await freshDb();
    try {
      const configured = randomBytes(32);
      expect(await getSecretsKey(db, { SECRETS_KEY: configured.toString('base64') })).toEqual(configured);
      const generated = await getSecretsKey(db, { SECRETS_KEY: undefined });
      expect(generated).toHaveLength(32);
      expect(await getSecretsKey(db, { SECRETS_KEY: undefined })).toEqual(generated);
    } finally {
      await db.close();
    }
  });
});

describe('seed command line', () => {
  it('parses the options', () => {
    expect(parseSeedArgs([])).toEqual({ numbers: undefined, usagePerNumber: 0, help: false });
    expect(parseSeedArgs(['--numbers', '100000', '--usage-per-number', '10'])).toEqual({
      numbers: 100_000,
      usagePerNumber: 10,
      help: false,
    });
    expect(parseSeedArgs(['-h']).help).toBe(true);
  });

  it('refuses bad input with a readable message', () => {
    expect(() => parseSeedArgs(['--numbers', 'many'])).toThrow(UsageError);
    expect(() => parseSeedArgs(['--numbers', '0'])).toThrow(/--numbers must be a whole number from 1/);
    expect(() => parseSeedArgs(['--usage-per-number', '5'])).toThrow(/needs --numbers/);
    expect(() => parseSeedArgs(['--size', '5'])).toThrow(UsageError);
  });
});
