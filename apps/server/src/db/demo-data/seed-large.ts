/**
 * The benchmark company: `numbers` numbers (e.g. 100,000) with accounts, ledger, SIMs and usage,
 * generated set-based inside the database so that it takes seconds on PostgreSQL.
 */
import { encryptSecret } from '../../lib/crypto.js';
import type { Db, Queryable } from '../client.js';
import { IMEI_TACS } from './catalog.js';
import { ADMIN_A_PHONE, BENCH_MSISDN_PREFIX, BIN_BENCH } from './constants.js';
import { operatorCashAccount, refreshOperatorBalances } from './ledger.js';
import { Rng } from './prng.js';
import { writeTariffs } from './seed.js';
import { insertBenchUsage } from './usage.js';

export interface LargeCompanyOptions {
  /** How many numbers the company should have (1 to 999,999). */
  numbers: number;
  /** Usage records per new number (0 to 9,999). */
  usagePerNumber: number;
  secretsKey: Buffer;
  now?: Date;
}

/** Numbers per (common) personal account. */
const NUMBERS_PER_ACCOUNT = 50;
/** Distinct encrypted PIN/PUK sets, shared round-robin (encryption is the only per-row JS work). */
const SECRET_POOL_SIZE = 256;

const msisdnOf = (index: number) => `${BENCH_MSISDN_PREFIX}${String(index).padStart(6, '0')}`;

/**
 * Creates the company 'Bench Company' (granted to administrator A) or extends it up to
 * `numbers` numbers. Does nothing when it already has that many.
 */
export async function seedLargeCompany(
  db: Db,
  opts: LargeCompanyOptions,
): Promise<{ companyId: string; created: boolean }> {
  if (!Number.isInteger(opts.numbers) || opts.numbers < 1 || opts.numbers > 999_999) {
    throw new RangeError('numbers must be an integer from 1 to 999999');
  }
  if (!Number.isInteger(opts.usagePerNumber) || opts.usagePerNumber < 0 || opts.usagePerNumber > 9_999) {
    throw new RangeError('usagePerNumber must be an integer from 0 to 9999');
  }
  const now = opts.now ?? new Date();
  const pool = secretPool(opts.secretsKey);
  const result = await db.transaction(async (tx) => {
    await writeTariffs(tx);
    const companyId = await ensureCompany(tx);
    const existing = await countNumbers(tx, companyId);
    if (existing >= opts.numbers) return { companyId, created: false };
    const range = { companyId, from: existing + 1, to: opts.numbers, now };
    await insertAccounts(tx, range);
    await insertNumbers(tx, range);
    await insertLedger(tx, range);
    await insertSims(tx, range, pool);
    if (opts.usagePerNumber > 0) {
      await insertBenchUsage(tx, {
        companyId,
        fromMsisdn: msisdnOf(range.from),
        toMsisdn: msisdnOf(range.to),
        perNumber: opts.usagePerNumber,
        now,
      });
    }
    return { companyId, created: true };
  });
  // A bulk load leaves the planner's statistics and the trigram index's pending list stale until
  // autovacuum gets to them (and it may be off): bring both up to date, as after any migration of data.
  if (result.created) await db.exec('VACUUM ANALYZE numbers, personal_accounts, ledger_accounts, usage_records');
  return result;
}

interface Range {
  companyId: string;
  /** First and last number index (the msisdn's last six digits). */
  from: number;
  to: number;
  now: Date;
}

async function ensureCompany(tx: Queryable): Promise<string> {
  await tx.query(
    `INSERT INTO companies (bin, full_name, legal_address) VALUES ($1, $2, $3) ON CONFLICT (bin) DO NOTHING`,
    [BIN_BENCH, 'Bench Company', 'Республика Казахстан, г. Алматы, ул. Тестовая, 1'],
  );
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM companies WHERE bin = $1', [BIN_BENCH]);
  const companyId = rows[0]?.id;
  if (!companyId) throw new Error('the bench company could not be created');
  await tx.query(
    `INSERT INTO administrator_companies (administrator_id, company_id, alias, role)
       SELECT id, $1, 'Bench', 'owner' FROM administrators WHERE phone = $2
     ON CONFLICT DO NOTHING`,
    [companyId, ADMIN_A_PHONE],
  );
  return companyId;
}

async function countNumbers(tx: Queryable, companyId: string): Promise<number> {
  const { rows } = await tx.query<{ count: string }>('SELECT count(*) AS count FROM numbers WHERE company_id = $1', [
    companyId,
  ]);
  return Number(rows[0]?.count ?? 0);
}

/** Account k (8 digits, '40' + k) holds numbers (k-1)*50+1 .. k*50. */
const ACCOUNT_OF = (g: string) => `'40' || lpad(((${g} - 1) / ${NUMBERS_PER_ACCOUNT} + 1)::text, 6, '0')`;

async function insertAccounts(tx: Queryable, r: Range): Promise<void> {
  await tx.query(
    `INSERT INTO personal_accounts (company_id, account_number, account_type, billing_method, credit_limit_tiyn)
     SELECT $1, '40' || lpad(k::text, 6, '0'), 'common',
            CASE WHEN mod(k, 4) = 0 THEN 'advance' ELSE 'credit' END,
            CASE WHEN mod(k, 4) = 0 THEN 0 ELSE 100000000 END
       FROM generate_series(($2::int - 1) / ${NUMBERS_PER_ACCOUNT} + 1, ($3::int - 1) / ${NUMBERS_PER_ACCOUNT} + 1) AS k
     ON CONFLICT (account_number) DO NOTHING`,
    [r.companyId, r.from, r.to],
  );
}

async function insertNumbers(tx: Queryable, r: Range): Promise<void> {
  const tacs = `ARRAY[${IMEI_TACS.map((t) => `'${t}'`).join(', ')}]`;
  await tx.query(
    `INSERT INTO numbers (company_id, account_id, msisdn, tariff_code, status, status_changed_at,
                          individual_limit_tiyn, last_detected_imei, created_at)
     SELECT $1, a.id, $4 || lpad(g::text, 6, '0'),
            (ARRAY['kart_blansh_plus_1000', 'biznes_klass_specialist', 'kooperativ_11', 'business_connect_5000',
                   'kcell_business_unlimited', 'biznes_klass_menedzher'])[(1 + mod(g, 6))::int],
            s.status,
            CASE WHEN s.status = 'active' THEN s.created_at ELSE $5::timestamptz - (1 + mod(g * 17, 200)) * interval '1 day' END,
            CASE WHEN mod(g, 10) = 0 THEN 1000000 END,
            CASE WHEN mod(g, 4) <> 0 THEN (${tacs})[(1 + mod(g, ${IMEI_TACS.length}))::int] || lpad(mod(g * 7907, 1000000)::text, 6, '0') END,
            s.created_at
       FROM generate_series($2::bigint, $3::bigint) AS g
       JOIN personal_accounts a ON a.account_number = ${ACCOUNT_OF('g')}
       CROSS JOIN LATERAL (
         SELECT CASE
                  WHEN mod(g * 7919 + 13, 100) < 90 THEN 'active'
                  WHEN mod(g * 7919 + 13, 100) < 94 THEN 'blocked'
                  WHEN mod(g * 7919 + 13, 100) < 97 THEN 'blocked_debt'
                  WHEN mod(g * 7919 + 13, 100) < 98 THEN 'suspended'
                  ELSE 'terminated'
                END AS status,
                $5::timestamptz - (400 + mod(g * 31, 1500)) * interval '1 day' AS created_at
       ) AS s`,
    [r.companyId, r.from, r.to, BENCH_MSISDN_PREFIX, r.now.toISOString()],
  );
  await tx.query(
    `INSERT INTO number_status_history (number_id, status, changed_at, changed_by, administrator_id, reason)
     SELECT n.id, n.status, n.status_changed_at,
            CASE n.status WHEN 'active' THEN 'system' WHEN 'blocked' THEN 'administrator'
                          WHEN 'blocked_debt' THEN 'system' ELSE 'operator' END,
            CASE WHEN n.status = 'blocked' THEN (SELECT id FROM administrators WHERE phone = $4) END,
            CASE n.status WHEN 'active' THEN 'Number connected' ELSE 'Status changed' END
       FROM numbers n
      WHERE n.company_id = $1 AND n.msisdn BETWEEN $2 AND $3`,
    [r.companyId, msisdnOf(r.from), msisdnOf(r.to), ADMIN_A_PHONE],
  );
}

/** A ledger account per number and an opening transaction (number +X, operator cash −X) per non-zero balance. */
async function insertLedger(tx: Queryable, r: Range): Promise<void> {
  const cash = await operatorCashAccount(tx);
  const params = [r.companyId, msisdnOf(r.from), msisdnOf(r.to)];
  await tx.query(
    `INSERT INTO ledger_accounts (company_id, number_id, kind, balance_tiyn)
     SELECT n.company_id, n.id, 'number',
            CASE
              WHEN n.status = 'blocked_debt' THEN -(50000 + mod(g * 104729, 2000000))
              WHEN n.status = 'terminated' OR mod(g, 20) = 0 THEN 0
              ELSE mod(g * 104729, 1500000)
            END
       FROM numbers n CROSS JOIN LATERAL (SELECT substr(n.msisdn, 6)::bigint AS g) AS i
      WHERE n.company_id = $1 AND n.msisdn BETWEEN $2 AND $3`,
    params,
  );
  await tx.query(
    `WITH src AS MATERIALIZED (
       SELECT gen_random_uuid() AS tx_id, la.id AS account_id, la.balance_tiyn, 'opening:' || n.msisdn AS reference
         FROM numbers n JOIN ledger_accounts la ON la.number_id = n.id
        WHERE n.company_id = $1 AND n.msisdn BETWEEN $2 AND $3 AND la.balance_tiyn <> 0
     ), t AS (
       INSERT INTO ledger_transactions (id, company_id, kind, description, reference, created_at)
       SELECT tx_id, $1, 'opening_balance', 'Opening balance', reference, $5 FROM src
     )
     INSERT INTO ledger_entries (transaction_id, account_id, amount_tiyn)
     SELECT src.tx_id, e.account_id, e.amount
       FROM src
       CROSS JOIN LATERAL (VALUES (src.account_id, src.balance_tiyn), ($4::uuid, -src.balance_tiyn)) AS e(account_id, amount)`,
    [...params, cash, r.now.toISOString()],
  );
  await refreshOperatorBalances(tx);
}

interface SecretSet {
  i: number;
  pin1: string;
  pin2: string;
  puk1: string;
  puk2: string;
}

function secretPool(key: Buffer): SecretSet[] {
  const rng = Rng.named('bench-secrets');
  return Array.from({ length: SECRET_POOL_SIZE }, (_, i) => ({
    i,
    pin1: encryptSecret(rng.digits(4), key),
    pin2: encryptSecret(rng.digits(4), key),
    puk1: encryptSecret(rng.digits(8), key),
    puk2: encryptSecret(rng.digits(8), key),
  }));
}

/** One active SIM per number: ICCID 8999709 + 12-digit index + Luhn digit (computed in SQL). */
async function insertSims(tx: Queryable, r: Range, pool: readonly SecretSet[]): Promise<void> {
  await tx.query(
    `INSERT INTO sims (number_id, iccid, is_esim, pin1_enc, pin2_enc, puk1_enc, puk2_enc, installed_at)
     SELECT n.id,
            x.payload || ((10 - (
              SELECT sum(CASE WHEN mod(p, 2) = 1 THEN (d * 2) / 10 + mod(d * 2, 10) ELSE d END)
                FROM (SELECT p, substr(x.payload, p, 1)::int AS d FROM generate_series(1, 19) AS p) AS digits
            ) % 10) % 10)::text,
            false, s.pin1, s.pin2, s.puk1, s.puk2, n.created_at
       FROM numbers n
       CROSS JOIN LATERAL (SELECT '8999709' || lpad(substr(n.msisdn, 6), 12, '0') AS payload) AS x
       JOIN json_to_recordset($4::json) AS s(i int, pin1 text, pin2 text, puk1 text, puk2 text)
         ON s.i = mod(substr(n.msisdn, 6)::int, ${SECRET_POOL_SIZE})
      WHERE n.company_id = $1 AND n.msisdn BETWEEN $2 AND $3`,
    [r.companyId, msisdnOf(r.from), msisdnOf(r.to), JSON.stringify(pool)],
  );
}
