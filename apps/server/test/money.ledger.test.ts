import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { availableFunds, fundsOf } from '../src/modules/billing/funds.js';
import { checkLedger, LedgerError, operatorAccount, post, reverse } from '../src/modules/billing/ledger.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/** Issue 5 item 1: the double-entry ledger, its invariants and the one definition of available funds. */
let t: TestApp;
let a: Session;
let large: string;
let accounts: { id: string; msisdn: string }[];
let cash: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  large = (await t.ctx.db.query<{ id: string }>('SELECT id FROM companies WHERE bin = $1', [BIN_LARGE])).rows[0]!.id;
  accounts = (
    await t.ctx.db.query<{ id: string; msisdn: string }>(
      `SELECT la.id, n.msisdn FROM ledger_accounts la JOIN numbers n ON n.id = la.number_id
        WHERE n.company_id = $1 ORDER BY n.msisdn LIMIT 3`,
      [large],
    )
  ).rows;
  cash = await t.ctx.db.transaction((tx) => operatorAccount(tx, 'operator_cash'));
});
afterAll(async () => t?.close());

async function balance(accountId: string): Promise<bigint> {
  const { rows } = await t.ctx.db.query<{ b: string }>('SELECT balance_tiyn AS b FROM ledger_accounts WHERE id = $1', [
    accountId,
  ]);
  return BigInt(rows[0]!.b);
}

async function counts() {
  const { rows } = await t.ctx.db.query<{ tx: string; entries: string }>(
    'SELECT (SELECT count(*) FROM ledger_transactions)::text AS tx, (SELECT count(*) FROM ledger_entries)::text AS entries',
  );
  return rows[0]!;
}

describe('ledger', () => {
  it('is consistent as seeded: balances are the sums of entries, transactions and the total are zero', async () => {
    const check = await checkLedger(t.ctx.db);
    expect(check).toMatchObject({ ok: true, accountMismatches: [], unbalancedTransactions: [], total: '0' });
    expect(check.transactions).toBeGreaterThan(1000);
  });

  it('posts a transaction: entries, balances and the reference, in one database transaction', async () => {
    const [x, y] = accounts;
    const before = [await balance(x!.id), await balance(y!.id), await balance(cash)];
    const posted = await t.ctx.db.transaction((tx) =>
      post(tx, {
        kind: 'payment',
        companyId: large,
        reference: 'test:post-1',
        entries: [
          { accountId: cash, amountTiyn: -12_345n },
          { accountId: x!.id, amountTiyn: 12_000n },
          { accountId: y!.id, amountTiyn: 345n },
        ],
      }),
    );
    expect(posted.duplicate).toBe(false);
    expect([await balance(x!.id), await balance(y!.id), await balance(cash)]).toEqual([
      before[0]! + 12_000n,
      before[1]! + 345n,
      before[2]! - 12_345n,
    ]);
    // The same reference again changes nothing and answers the first transaction.
    const c = await counts();
    const again = await t.ctx.db.transaction((tx) =>
      post(tx, {
        kind: 'payment',
        companyId: large,
        reference: 'test:post-1',
        entries: [
          { accountId: cash, amountTiyn: -12_345n },
          { accountId: x!.id, amountTiyn: 12_345n },
        ],
      }),
    );
    expect(again).toMatchObject({ id: posted.id, duplicate: true });
    expect(await counts()).toEqual(c);
    expect(await balance(x!.id)).toBe(before[0]! + 12_000n);
    expect((await checkLedger(t.ctx.db)).ok).toBe(true);
  });

  it('refuses entries that do not sum to zero (and other malformed postings) before the database sees them', async () => {
    const [x] = accounts;
    const c = await counts();
    const bad = [
      [
        { accountId: cash, amountTiyn: -100n },
        { accountId: x!.id, amountTiyn: 99n },
      ],
      [{ accountId: x!.id, amountTiyn: 0n }],
      [
        { accountId: cash, amountTiyn: 0n },
        { accountId: x!.id, amountTiyn: 0n },
      ],
      [
        { accountId: cash, amountTiyn: -1 as unknown as bigint },
        { accountId: x!.id, amountTiyn: 1 as unknown as bigint },
      ],
      [
        { accountId: cash, amountTiyn: -1n },
        { accountId: '00000000-0000-0000-0000-000000000000', amountTiyn: 1n },
      ],
    ];
    for (const entries of bad) {
      await expect(
        t.ctx.db.transaction((tx) => post(tx, { kind: 'payment', companyId: large, entries })),
      ).rejects.toBeInstanceOf(LedgerError);
    }
    expect(await counts()).toEqual(c);
  });

  it('is enforced by the database too: an unbalanced transaction fails at commit, entries are append-only', async () => {
    const [x] = accounts;
    const c = await counts();
    await expect(
      t.ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          "INSERT INTO ledger_transactions (kind, reference) VALUES ('payment', 'test:raw') RETURNING id",
        );
        await tx.query('INSERT INTO ledger_entries (transaction_id, account_id, amount_tiyn) VALUES ($1, $2, 5)', [
          rows[0]!.id,
          x!.id,
        ]);
      }),
    ).rejects.toThrow(/does not balance/);
    expect(await counts()).toEqual(c);
    await expect(t.ctx.db.query('UPDATE ledger_entries SET amount_tiyn = amount_tiyn WHERE id = 1')).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ctx.db.query('DELETE FROM ledger_entries WHERE id = 1')).rejects.toThrow(/append-only/);
  });

  it('corrects with a reversing transaction, once', async () => {
    const [x, y] = accounts;
    const before = [await balance(x!.id), await balance(y!.id)];
    const original = await t.ctx.db.transaction((tx) =>
      post(tx, {
        kind: 'transfer',
        companyId: large,
        reference: 'test:to-reverse',
        entries: [
          { accountId: x!.id, amountTiyn: -777n },
          { accountId: y!.id, amountTiyn: 777n },
        ],
      }),
    );
    const reversal = await t.ctx.db.transaction((tx) => reverse(tx, original.id));
    expect([await balance(x!.id), await balance(y!.id)]).toEqual(before);
    const { rows } = await t.ctx.db.query<{ kind: string; reverses_id: string }>(
      'SELECT kind, reverses_id FROM ledger_transactions WHERE id = $1',
      [reversal.id],
    );
    expect(rows[0]).toEqual({ kind: 'reversal', reverses_id: original.id });
    const twice = await t.ctx.db.transaction((tx) => reverse(tx, original.id));
    expect(twice).toMatchObject({ id: reversal.id, duplicate: true });
    expect([await balance(x!.id), await balance(y!.id)]).toEqual(before);
  });

  it('finds a balance that drifted from its entries, a transaction that does not balance, a non-zero total', async () => {
    const [x] = accounts;
    // Tamper behind the ledger's back (only a test does this), check, then put it right.
    await t.ctx.db.query('UPDATE ledger_accounts SET balance_tiyn = balance_tiyn + 1 WHERE id = $1', [x!.id]);
    const drifted = await checkLedger(t.ctx.db);
    expect(drifted.ok).toBe(false);
    expect(drifted.accountMismatches).toEqual([
      { accountId: x!.id, balance: expect.any(String), entries: expect.any(String) },
    ]);
    expect(drifted.total).toBe('1');
    await t.ctx.db.query('UPDATE ledger_accounts SET balance_tiyn = balance_tiyn - 1 WHERE id = $1', [x!.id]);
    // A transaction that does not balance can only come from disabling the trigger: the check still sees it.
    await t.ctx.db
      .transaction(async (tx) => {
        await tx.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_balance');
        const { rows } = await tx.query<{ id: string }>(
          "INSERT INTO ledger_transactions (kind, reference) VALUES ('payment', 'test:unbalanced') RETURNING id",
        );
        await tx.query('INSERT INTO ledger_entries (transaction_id, account_id, amount_tiyn) VALUES ($1, $2, 3)', [
          rows[0]!.id,
          x!.id,
        ]);
        const check = await checkLedger(tx);
        expect(check.ok).toBe(false);
        expect(check.unbalancedTransactions).toEqual([{ transactionId: rows[0]!.id, sum: '3' }]);
        throw new Error('roll back');
      })
      .catch((err: Error) => {
        if (err.message !== 'roll back') throw err;
      });
    expect((await checkLedger(t.ctx.db)).ok).toBe(true);
  });
});

describe('available funds: one definition for list, profile and transfers', () => {
  it('agrees between SQL and code for every number of every company', async () => {
    const { rows } = await t.ctx.db.query<{ company_id: string; msisdn: string }>(
      'SELECT company_id, msisdn FROM numbers ORDER BY msisdn',
    );
    const byCompany = new Map<string, string[]>();
    for (const r of rows) byCompany.set(r.company_id, [...(byCompany.get(r.company_id) ?? []), r.msisdn]);
    let n = 0;
    for (const [companyId, msisdns] of byCompany) {
      for (const f of await fundsOf(t.ctx.db, companyId, msisdns)) {
        expect(availableFunds(f), f.msisdn).toBe(f.available);
        expect(f.outstanding).toBe(f.balance < 0n ? -f.balance : 0n);
        n += 1;
      }
    }
    expect(n).toBe(rows.length);
  });

  it('is what the numbers list and the number profile show', async () => {
    const page = (
      await t.app.inject({ method: 'GET', url: `/api/v1/companies/${large}/numbers?limit=200`, headers: a.headers })
    ).json() as { items: { msisdn: string; availableFunds: { amount: string } }[] };
    const funds = new Map(
      (
        await fundsOf(
          t.ctx.db,
          large,
          page.items.map((i) => i.msisdn),
        )
      ).map((f) => [f.msisdn, f]),
    );
    for (const item of page.items) expect(item.availableFunds.amount).toBe(amount(funds.get(item.msisdn)!.available));
    // A number with a debt, on credit, with an individual limit: the profile's figures.
    const { rows } = await t.ctx.db.query<{ msisdn: string }>(
      `SELECT n.msisdn FROM numbers n JOIN ledger_accounts la ON la.number_id = n.id
         JOIN personal_accounts pa ON pa.id = n.account_id
        WHERE n.company_id = $1 AND la.balance_tiyn < 0 AND pa.billing_method = 'credit' ORDER BY n.msisdn LIMIT 1`,
      [large],
    );
    const msisdn = rows[0]!.msisdn;
    const [f] = await fundsOf(t.ctx.db, large, [msisdn]);
    const profile = (
      await t.app.inject({ method: 'GET', url: `/api/v1/companies/${large}/numbers/${msisdn}`, headers: a.headers })
    ).json();
    expect(profile.availableFunds.amount).toBe(amount(f!.available));
    expect(profile.outstandingBalance.amount).toBe(amount(f!.outstanding));
    expect(f!.outstanding).toBeGreaterThan(0n);
  });
});

function amount(tiyn: bigint): string {
  const neg = tiyn < 0n;
  const abs = neg ? -tiyn : tiyn;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
