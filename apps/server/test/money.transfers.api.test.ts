import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, ADMIN_B_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { fundsOf } from '../src/modules/billing/funds.js';
import { checkLedger } from '../src/modules/billing/ledger.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/** F40 balance transfer through the API: rules, refusals, idempotency, actions history. */
let t: TestApp;
let a: Session;
let b: Session;
let large: string;
let companyB: string;
let active: string[];

const url = () => `/api/v1/companies/${large}/balance-transfers`;

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  b = await login(t, ADMIN_B_PHONE, DEMO_PASSWORD);
  const companies = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: a.headers })).json().items;
  large = companies.find((c: { bin: string }) => c.bin === BIN_LARGE).id;
  companyB = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: b.headers })).json().items[0].id;
  // Active numbers with at least 1,000 ₸ of their own money (positive balance).
  const { rows } = await t.ctx.db.query<{ msisdn: string }>(
    `SELECT n.msisdn FROM numbers n JOIN ledger_accounts la ON la.number_id = n.id
      WHERE n.company_id = $1 AND n.status = 'active' AND la.balance_tiyn >= 100000 ORDER BY n.msisdn LIMIT 100`,
    [large],
  );
  active = rows.map((r) => r.msisdn);
});
afterAll(async () => t?.close());

let next = 0;
/** Two fresh active numbers for each test, so tests do not see each other's transfers. */
function pair(): [string, string] {
  const p: [string, string] = [active[next]!, active[next + 1]!];
  next += 2;
  return p;
}

function transfer(body: unknown, headers: Record<string, string> = {}, s: Session = a) {
  return t.app.inject({ method: 'POST', url: url(), headers: { ...s.headers, ...headers }, payload: body as object });
}

async function funds(msisdn: string) {
  const [f] = await fundsOf(t.ctx.db, large, [msisdn]);
  return f!;
}

async function ledgerSnapshot() {
  const { rows } = await t.ctx.db.query<{ n: string; s: string }>(
    'SELECT count(*)::text AS n, coalesce(sum(abs(amount_tiyn)), 0)::text AS s FROM ledger_entries',
  );
  const transfers = await t.ctx.db.query<{ n: string }>('SELECT count(*)::text AS n FROM balance_transfers');
  return { entries: rows[0]!.n, volume: rows[0]!.s, transfers: transfers.rows[0]!.n };
}

async function actions(action = 'balance_transfer') {
  const { rows } = await t.ctx.db.query<{ status: string; target: string | null; details: Record<string, unknown> }>(
    'SELECT status, target, details FROM actions WHERE company_id = $1 AND action = $2 ORDER BY id',
    [large, action],
  );
  return rows;
}

describe('F40 balance transfer', () => {
  it('moves the amount between two numbers of the company: 201, funds after, two ledger entries, history', async () => {
    const [from, to] = pair();
    const before = [await funds(from), await funds(to)];
    const res = await transfer({
      from: `+7 (${from.slice(1, 4)}) ${from.slice(4, 7)}-${from.slice(7, 9)}-${from.slice(9)}`,
      to: `8${to.slice(1)}`,
      amount: '50.00',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      from,
      to,
      amount: { amount: '50.00', currency: 'KZT' },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      fromAvailableFunds: { amount: expect.any(String), currency: 'KZT' },
      toAvailableFunds: { amount: expect.any(String), currency: 'KZT' },
    });
    const after = [await funds(from), await funds(to)];
    expect(after[0]!.balance).toBe(before[0]!.balance - 5000n);
    expect(after[1]!.balance).toBe(before[1]!.balance + 5000n);
    expect(body.fromAvailableFunds.amount).toBe(money(after[0]!.available));
    expect(body.toAvailableFunds.amount).toBe(money(after[1]!.available));

    // The numbers list and the profile show the same available funds as the transfer.
    const profile = (
      await t.app.inject({ method: 'GET', url: `/api/v1/companies/${large}/numbers/${from}`, headers: a.headers })
    ).json();
    expect(profile.availableFunds.amount).toBe(body.fromAvailableFunds.amount);
    const listed = (
      await t.app.inject({ method: 'GET', url: `/api/v1/companies/${large}/numbers?q=${to}`, headers: a.headers })
    ).json();
    expect(listed.items[0].availableFunds.amount).toBe(body.toAvailableFunds.amount);

    const { rows: entries } = await t.ctx.db.query<{ amount_tiyn: string; number_id: string }>(
      `SELECT e.amount_tiyn, la.number_id FROM balance_transfers bt
         JOIN ledger_entries e ON e.transaction_id = bt.ledger_transaction_id
         JOIN ledger_accounts la ON la.id = e.account_id
        WHERE bt.id = $1 ORDER BY e.amount_tiyn`,
      [body.id],
    );
    expect(entries.map((e) => e.amount_tiyn)).toEqual(['-5000', '5000']);
    const history = await actions();
    expect(history.at(-1)).toMatchObject({
      status: 'success',
      target: from,
      details: { from, to, amount: '50.00', transferId: body.id },
    });
    expect((await checkLedger(t.ctx.db)).ok).toBe(true);
  });

  it('lists the company’s transfers, newest first, with a cursor', async () => {
    const [from, to] = pair();
    const ids: string[] = [];
    for (const amount of ['1.01', '1.02', '1.03']) ids.push((await transfer({ from, to, amount })).json().id);
    const first = await t.app.inject({ method: 'GET', url: `${url()}?limit=2`, headers: a.headers });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    expect(first.json().items[0]).toMatchObject({ from, to, amount: { amount: '1.03', currency: 'KZT' } });
    const second = await t.app.inject({
      method: 'GET',
      url: `${url()}?limit=2&cursor=${first.json().nextCursor}`,
      headers: a.headers,
    });
    expect(second.json().items[0].id).toBe(ids[0]);
    const bad = await t.app.inject({ method: 'GET', url: `${url()}?cursor=nonsense`, headers: a.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('cursor');
  });

  describe('refusals: a clear, field-named error, and nothing changes', () => {
    const cases: [string, unknown, string, string][] = [
      ['amount 0', '0', 'amount', 'amount_not_positive'],
      ['amount -1', '-1', 'amount', 'amount_not_positive'],
      ['amount 1.234', '1.234', 'amount', 'amount_too_many_decimals'],
      ['amount abc', 'abc', 'amount', 'amount_invalid'],
      ['amount empty', '', 'amount', 'amount_invalid'],
      ['amount 1e3', '1e3', 'amount', 'amount_invalid'],
      ['amount as a JSON number', 50, 'amount', 'amount_not_string'],
      ['amount above the maximum', '1000000.01', 'amount', 'amount_above_maximum'],
      ['amount far above the maximum', '99999999999999999999999', 'amount', 'amount_above_maximum'],
    ];
    for (const [name, amount, field, code] of cases) {
      it(name, async () => {
        const [from, to] = pair();
        const before = await ledgerSnapshot();
        const res = await transfer({ from, to, amount }, { 'accept-language': 'en' });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
        expect(res.json().error.details.fields).toEqual([{ field, code, message: expect.any(String) }]);
        expect(res.json().error.details.fields[0].message).not.toMatch(/\{\w+\}/);
        expect(await ledgerSnapshot()).toEqual(before);
        expect((await actions()).at(-1)).toMatchObject({ status: 'failure', details: { code: 'validation_failed' } });
      });
    }

    it('names the maximum in the message, translated', async () => {
      const [from, to] = pair();
      const res = await transfer({ from, to, amount: '2000000' }, { 'accept-language': 'kk' });
      expect(res.json().error.details.fields[0].message).toContain('1 000 000.00');
      expect(res.json().error.details.fields[0].message).toMatch(/аспауы/);
    });

    it('accepts exactly the maximum when the sender has it', async () => {
      const [from, to] = pair();
      // Give the sender 1,000,000 ₸ through the ledger (an opening balance), then move all of it.
      const { rows } = await t.ctx.db.query<{ id: string }>(
        'SELECT la.id FROM ledger_accounts la JOIN numbers n ON n.id = la.number_id WHERE n.msisdn = $1',
        [from],
      );
      const { post, operatorAccount } = await import('../src/modules/billing/ledger.js');
      await t.ctx.db.transaction(async (tx) =>
        post(tx, {
          kind: 'payment',
          companyId: large,
          reference: `test-topup:${from}`,
          entries: [
            { accountId: await operatorAccount(tx, 'operator_cash'), amountTiyn: -100_000_000n },
            { accountId: rows[0]!.id, amountTiyn: 100_000_000n },
          ],
        }),
      );
      const res = await transfer({ from, to, amount: '1000000' });
      expect(res.statusCode, res.body).toBe(201);
    });

    it('refuses a bad number, naming the field', async () => {
      const [from] = pair();
      const res = await transfer({ from, to: '12345', amount: '1.00' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields).toEqual([
        { field: 'to', code: 'invalid_msisdn', message: expect.any(String) },
      ]);
      const missing = await transfer({ from, amount: '1.00' });
      expect(missing.json().error.details.fields).toEqual([
        { field: 'to', code: 'field_required', message: expect.any(String) },
      ]);
    });

    it('refuses sender equal to recipient (in another form of the same number)', async () => {
      const [from] = pair();
      const before = await ledgerSnapshot();
      const res = await transfer({ from, to: `+${from}`, amount: '1.00' }, { 'accept-language': 'ru' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'transfer_same_number',
        message: 'Отправитель и получатель должны быть разными номерами.',
        details: { fields: [{ field: 'to', code: 'transfer_same_number' }] },
      });
      expect(await ledgerSnapshot()).toEqual(before);
    });

    it('refuses a sender or recipient that is not active, with the status in the code', async () => {
      const [good] = pair();
      const byStatus = async (status: string) =>
        (
          await t.ctx.db.query<{ msisdn: string }>(
            'SELECT msisdn FROM numbers WHERE company_id = $1 AND status = $2 ORDER BY msisdn LIMIT 1',
            [large, status],
          )
        ).rows[0]!.msisdn;
      for (const status of ['blocked', 'blocked_debt', 'suspended', 'terminated']) {
        const other = await byStatus(status);
        const before = await ledgerSnapshot();
        const asSender = await transfer({ from: other, to: good, amount: '1.00' });
        expect(asSender.statusCode).toBe(409);
        expect(asSender.json().error).toMatchObject({
          code: `transfer_sender_${status}`,
          details: { fields: [{ field: 'from', code: `transfer_sender_${status}` }] },
        });
        const asRecipient = await transfer({ from: good, to: other, amount: '1.00' });
        expect(asRecipient.statusCode).toBe(409);
        expect(asRecipient.json().error.code).toBe(`transfer_recipient_${status}`);
        expect(await ledgerSnapshot()).toEqual(before);
      }
      const history = await actions();
      expect(history.at(-1)).toMatchObject({ status: 'failure', details: { code: 'transfer_recipient_terminated' } });
    });

    it('refuses more than the sender’s available funds, saying how much is available', async () => {
      const [from, to] = pair();
      const f = await funds(from);
      const before = await ledgerSnapshot();
      const over = f.available + 1n;
      const res = await transfer({ from, to, amount: money(over) }, { 'accept-language': 'en' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'transfer_insufficient_funds',
        details: {
          fields: [{ field: 'amount', code: 'transfer_insufficient_funds' }],
          availableFunds: { amount: money(f.available), currency: 'KZT' },
        },
      });
      expect(await ledgerSnapshot()).toEqual(before);
      // Exactly the available funds is allowed (down to the credit allowance, never below).
      const all = await transfer({ from, to, amount: money(f.available) });
      expect(all.statusCode, all.body).toBe(201);
      expect(all.json().fromAvailableFunds.amount).toBe('0.00');
    });

    it('answers 404 for a number of another company, as for one that does not exist', async () => {
      const [from] = pair();
      const foreign = (
        await t.ctx.db.query<{ msisdn: string }>(
          "SELECT msisdn FROM numbers WHERE company_id = $1 AND status = 'active' LIMIT 1",
          [companyB],
        )
      ).rows[0]!.msisdn;
      const before = await ledgerSnapshot();
      for (const body of [
        { from, to: foreign, amount: '1.00' },
        { from: foreign, to: from, amount: '1.00' },
        { from, to: '77009999999', amount: '1.00' },
      ]) {
        const res = await transfer(body);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      expect(await ledgerSnapshot()).toEqual(before);
      // And administrator B cannot reach company A's transfers at all.
      const other = await transfer({ from, to: active[0], amount: '1.00' }, {}, b);
      expect(other.statusCode).toBe(404);
    });

    it('refuses a write without the CSRF token', async () => {
      const [from, to] = pair();
      const res = await t.app.inject({
        method: 'POST',
        url: url(),
        headers: { cookie: a.cookie },
        payload: { from, to, amount: '1.00' },
      });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body, without a second transfer', async () => {
      const [from, to] = pair();
      const key = `test-${Date.now()}-replay`;
      const first = await transfer({ from, to, amount: '10.00' }, { 'idempotency-key': key });
      expect(first.statusCode).toBe(201);
      const balance = (await funds(from)).balance;
      const before = await ledgerSnapshot();
      // The same request in another form of the same numbers is the same request.
      const again = await transfer({ from: `8${from.slice(1)}`, to, amount: '10' }, { 'idempotency-key': key });
      expect(again.statusCode).toBe(201);
      expect(again.body).toBe(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await ledgerSnapshot()).toEqual(before);
      expect((await funds(from)).balance).toBe(balance);
    });

    it('refuses the same key with another body: 422 idempotency_key_reused, nothing changes', async () => {
      const [from, to] = pair();
      const key = `test-${Date.now()}-reuse`;
      expect((await transfer({ from, to, amount: '10.00' }, { 'idempotency-key': key })).statusCode).toBe(201);
      const before = await ledgerSnapshot();
      const other = await transfer({ from, to, amount: '11.00' }, { 'idempotency-key': key });
      expect(other.statusCode).toBe(422);
      expect(other.json().error.code).toBe('idempotency_key_reused');
      expect(await ledgerSnapshot()).toEqual(before);
    });

    it('does not keep a refused request: the same key works once the cause is gone', async () => {
      const [from, to] = pair();
      const key = `test-${Date.now()}-refused`;
      const f = await funds(from);
      const amount = money(f.available + 100n);
      expect((await transfer({ from, to, amount }, { 'idempotency-key': key })).statusCode).toBe(422);
      const { rows } = await t.ctx.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key]);
      expect(rows).toHaveLength(0);
      // Top up 1.00 ₸ from another number, then the same request with the same key goes through.
      expect((await transfer({ from: to, to: from, amount: '1.00' })).statusCode).toBe(201);
      expect((await transfer({ from, to, amount }, { 'idempotency-key': key })).statusCode).toBe(201);
    });

    it('serves concurrent requests with one key as one transfer', async () => {
      const [from, to] = pair();
      const key = `test-${Date.now()}-concurrent`;
      const before = (await funds(from)).balance;
      const results = await Promise.all(
        Array.from({ length: 5 }, () => transfer({ from, to, amount: '3.00' }, { 'idempotency-key': key })),
      );
      expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
      expect((await funds(from)).balance).toBe(before - 300n);
    });

    it('refuses a malformed key, naming the header', async () => {
      const [from, to] = pair();
      const res = await transfer({ from, to, amount: '1.00' }, { 'idempotency-key': 'x'.repeat(256) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields[0].field).toBe('idempotency-key');
    });
  });
});

function money(tiyn: bigint): string {
  const neg = tiyn < 0n;
  const abs = neg ? -tiyn : tiyn;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
