import { almatyTime } from '@portal/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, BIN_LARGE, BIN_SMALL_2, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import {
  BillingRunError,
  eInvoiceNumberFor,
  invoiceNumberFor,
  runBilling,
} from '../src/modules/billing/billing-run.js';
import { checkLedger } from '../src/modules/billing/ledger.js';
import { allocatePayment, loadPayments, parsePaymentsFile } from '../src/modules/payments/payments.loader.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/** O4 billing run and bank payments, F38 unallocated payments. */
let t: TestApp;
let a: Session;
let large: string;
let small2: string;
/** The first month the demo has not invoiced (the current one), and an instant after it ends. */
let month: string;
let after: Date;
let lastDemoMonth: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  const ids = await t.ctx.db.query<{ id: string; bin: string }>('SELECT id, bin FROM companies');
  large = ids.rows.find((r) => r.bin === BIN_LARGE)!.id;
  small2 = ids.rows.find((r) => r.bin === BIN_SMALL_2)!.id;
  const { rows } = await t.ctx.db.query<{ last: string; next: string }>(
    `SELECT to_char(max(period), 'YYYY-MM') AS last, to_char(max(period) + interval '1 month', 'YYYY-MM') AS next
       FROM invoices`,
  );
  lastDemoMonth = rows[0]!.last;
  month = rows[0]!.next;
  const [y, m] = month.split('-').map(Number);
  after = new Date(Date.UTC(y!, m!, 2));
});
afterAll(async () => t?.close());

async function invoicesOf(m: string) {
  const { rows } = await t.ctx.db.query<Record<string, unknown>>(
    `SELECT i.id, i.account_id, i.invoice_number, i.e_invoice_number, i.total_tiyn, i.vat_tiyn, i.ledger_transaction_id,
            (SELECT json_agg(json_build_object('n', l.number_id, 'c', l.category, 'd', l.description, 'a', l.amount_tiyn)
                             ORDER BY l.id) FROM invoice_lines l WHERE l.invoice_id = i.id) AS lines
       FROM invoices i WHERE i.period = ($1 || '-01')::date ORDER BY i.invoice_number`,
    [m],
  );
  return rows;
}

async function ledgerState() {
  const { rows } = await t.ctx.db.query<{ tx: string; entries: string; revenue: string; numbers: string }>(
    `SELECT (SELECT count(*) FROM ledger_transactions)::text AS tx,
            (SELECT count(*) FROM ledger_entries)::text AS entries,
            (SELECT balance_tiyn FROM ledger_accounts WHERE kind = 'operator_revenue')::text AS revenue,
            (SELECT sum(balance_tiyn) FROM ledger_accounts WHERE kind = 'number')::text AS numbers`,
  );
  return rows[0]!;
}

describe('O4 billing run', () => {
  it('refuses a month that is not over yet, and a malformed month', async () => {
    await expect(runBilling(t.ctx.db, { month, now: new Date(after.getTime() - 3 * 86_400_000) })).rejects.toThrow(
      BillingRunError,
    );
    await expect(runBilling(t.ctx.db, { month: '2026-13', now: after })).rejects.toThrow(/YYYY-MM/);
  });

  it('closes a month: invoices per account with lines per number and category, posted to the ledger', async () => {
    const before = await ledgerState();
    const started = Date.now();
    const r = await runBilling(t.ctx.db, { month, now: after });
    console.log(
      `billing run ${month} (${t.ctx.db.kind}): ${r.invoicesCreated} invoices, ${r.linesCreated} lines, ` +
        `${r.totalTiyn / 100n} ₸ in ${Date.now() - started} ms`,
    );
    expect(r.errors).toEqual([]);
    expect(r.invoicesCreated).toBeGreaterThan(10);
    const invoices = await invoicesOf(month);
    expect(invoices).toHaveLength(r.invoicesCreated);
    const total = invoices.reduce((s, i) => s + BigInt(i.total_tiyn as string), 0n);
    expect(total).toBe(r.totalTiyn);
    for (const inv of invoices) {
      expect(inv.invoice_number).toMatch(/^3\d{12}$/);
      const lines = inv.lines as { n: string; c: string; a: number | string }[];
      expect(lines.reduce((s, l) => s + BigInt(l.a), 0n)).toBe(BigInt(inv.total_tiyn as string));
      for (const l of lines) expect(l.n).toBeTruthy();
      expect(inv.ledger_transaction_id).toBeTruthy();
    }
    // Numbers are deterministic from account and period, and unique.
    const { rows: acc } = await t.ctx.db.query<{ id: string; account_number: string }>(
      'SELECT id, account_number FROM personal_accounts WHERE id = $1',
      [invoices[0]!.account_id],
    );
    expect(invoices[0]!.invoice_number).toBe(invoiceNumberFor(acc[0]!.account_number, acc[0]!.id, month));
    expect(invoices[0]!.e_invoice_number).toBe(eInvoiceNumberFor(acc[0]!.account_number, acc[0]!.id, month));
    expect(new Set(invoices.map((i) => i.invoice_number)).size).toBe(invoices.length);

    // The ledger: revenue up by the total, the numbers down by the same, each invoice one transaction.
    const now = await ledgerState();
    expect(BigInt(now.revenue) - BigInt(before.revenue)).toBe(total);
    expect(BigInt(before.numbers) - BigInt(now.numbers)).toBe(total);
    expect(Number(now.tx) - Number(before.tx)).toBe(invoices.length);
    const { rows: posted } = await t.ctx.db.query<{ reference: string; sum: string; n: string; revenue: string }>(
      `SELECT t.reference, sum(e.amount_tiyn)::text AS sum, count(*)::text AS n,
              sum(e.amount_tiyn) FILTER (WHERE a.kind = 'operator_revenue')::text AS revenue
         FROM invoices i JOIN ledger_transactions t ON t.id = i.ledger_transaction_id
         JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
        WHERE i.id = $1 GROUP BY t.reference`,
      [invoices[0]!.id],
    );
    expect(posted[0]).toMatchObject({
      reference: `invoice:${invoices[0]!.invoice_number}`,
      sum: '0',
      revenue: String(invoices[0]!.total_tiyn),
    });
    expect((await checkLedger(t.ctx.db)).ok).toBe(true);
  });

  it('charges what the month holds: tariff fee, service fees, usage of the month, instalments', async () => {
    // A number with usage records in the month: its usage lines equal the sum of its records.
    const [y, m] = month.split('-').map(Number) as [number, number];
    const { rows } = await t.ctx.db.query<{ number_id: string; category: string; amount: string; usage: string }>(
      `SELECT l.number_id, l.category, l.amount_tiyn::text AS amount,
              (SELECT sum(u.cost_tiyn) FROM usage_records u
                WHERE u.number_id = l.number_id
                  AND u.type = CASE l.category WHEN 'calls' THEN 'call' WHEN 'sms' THEN 'sms' ELSE 'data' END
                  AND u.occurred_at >= $2 AND u.occurred_at < $3)::text AS usage
         FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        WHERE i.period = ($1 || '-01')::date AND l.category IN ('calls', 'sms', 'data')
        LIMIT 50`,
      [month, almatyTime(y, m - 1, 1).toISOString(), almatyTime(y, m, 1).toISOString()],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.amount).toBe(r.usage);
    const { rows: cats } = await t.ctx.db.query<{ category: string }>(
      `SELECT DISTINCT l.category FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        WHERE i.period = ($1 || '-01')::date ORDER BY 1`,
      [month],
    );
    expect(cats.map((c) => c.category)).toEqual(
      expect.arrayContaining(['calls', 'data', 'instalment', 'services', 'subscription']),
    );
    // Subscription: one line per live number, at its tariff's fee.
    const { rows: subs } = await t.ctx.db.query<{ ok: boolean }>(
      `SELECT bool_and(l.amount_tiyn = t.monthly_fee_tiyn) AS ok
         FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN numbers n ON n.id = l.number_id
         JOIN tariffs t ON t.code = n.tariff_code
        WHERE i.period = ($1 || '-01')::date AND l.category = 'subscription'`,
      [month],
    );
    expect(subs[0]!.ok).toBe(true);
  });

  it('running the same month again changes nothing: same invoices, no duplicate charges', async () => {
    const invoices = await invoicesOf(month);
    const before = await ledgerState();
    const r = await runBilling(t.ctx.db, { month, now: after });
    expect(r).toMatchObject({ invoicesCreated: 0, linesCreated: 0, errors: [], alreadyInvoiced: invoices.length });
    expect(await invoicesOf(month)).toEqual(invoices);
    expect(await ledgerState()).toEqual(before);
  });

  it('leaves the demo’s invoiced months alone (their charges are in the opening balances)', async () => {
    const invoices = await invoicesOf(lastDemoMonth);
    const before = await ledgerState();
    const r = await runBilling(t.ctx.db, { month: lastDemoMonth, now: after });
    expect(r.invoicesCreated).toBe(0);
    expect(r.alreadyInvoiced).toBe(invoices.length);
    expect(await invoicesOf(lastDemoMonth)).toEqual(invoices);
    expect(await ledgerState()).toEqual(before);
  });
});

describe('O4 bank payments', () => {
  const today = new Date();
  const d = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const file = () =>
    [
      'date,payment order number,amount,BIN,account',
      `${d(2)},77001,"1 500,00",${BIN_LARGE},25602051`,
      `${d(2)},77002,2500.5,${BIN_LARGE},99999999`,
      `${d(3)},77003,10.00,041058570298,25602051`,
      `${d(3)},77004,1.234,${BIN_LARGE},25602051`,
      `31.02.2026,77005,10.00,${BIN_LARGE},25602051`,
      `${d(3)},,10.00,${BIN_LARGE},25602051`,
      `${d(3)},77007,10.00,123456789012,25602051`,
      `${d(3)},77008,10.00`,
      '',
      `${d(1).split('-').reverse().join('.')},77009,0.01,${BIN_LARGE},`,
    ].join('\r\n');

  it('checks each line on its own: bad ones reported with line and field, good ones parsed', () => {
    const { lines, errors } = parsePaymentsFile(file(), today);
    expect(lines.map((l) => l.orderNumber)).toEqual(['77002', '77003', '77009']);
    expect(errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'amount', 'amount_invalid'],
      [5, 'amount', 'amount_too_many_decimals'],
      [6, 'date', 'invalid_date'],
      [7, 'orderNumber', 'required'],
      [8, 'bin', 'invalid_bin'],
      [9, 'line', 'too_few_fields'],
    ]);
    // A quoted amount with a decimal comma is fine with a semicolon separator.
    const semi = parsePaymentsFile(
      `Дата;Номер платежного поручения;Сумма;БИН;Лицевой счет\n${d(1)};5;"1500,25";${BIN_LARGE};1`,
    );
    expect(semi.errors).toEqual([]);
    expect(semi.lines[0]!.amountTiyn).toBe(150_025n);
    expect(parsePaymentsFile('date,amount\n').errors.map((e) => e.field)).toEqual(['orderNumber', 'bin', 'account']);
  });

  it('loads the good lines: allocated to the account’s first number, the rest unallocated; idempotent', async () => {
    const text = file().replace('"1 500,00"', '1500.00');
    const before = await t.ctx.db.query<{ kind: string; b: string }>(
      `SELECT kind, balance_tiyn::text AS b FROM ledger_accounts WHERE kind IN ('operator_cash', 'unallocated_payments')`,
    );
    const bal = (rows: { kind: string; b: string }[], k: string) => BigInt(rows.find((r) => r.kind === k)?.b ?? 0);
    const { rows: first } = await t.ctx.db.query<{ msisdn: string; b: string }>(
      `SELECT n.msisdn, la.balance_tiyn::text AS b FROM numbers n JOIN personal_accounts pa ON pa.id = n.account_id
         JOIN ledger_accounts la ON la.number_id = n.id
        WHERE pa.account_number = '25602051' ORDER BY n.status = 'terminated', n.msisdn LIMIT 1`,
    );
    const r = await loadPayments(t.ctx.db, text, { today });
    expect(r).toMatchObject({ lines: 9, loaded: 4, allocated: 1, unallocated: 3, duplicates: 0 });
    expect(r.totalLoadedTiyn).toBe(150_000n + 250_050n + 1_000n + 1n);
    expect(r.errors.map((e) => e.line)).toEqual([5, 6, 7, 8, 9]);
    const after = await t.ctx.db.query<{ kind: string; b: string }>(
      `SELECT kind, balance_tiyn::text AS b FROM ledger_accounts WHERE kind IN ('operator_cash', 'unallocated_payments')`,
    );
    expect(bal(before.rows, 'operator_cash') - bal(after.rows, 'operator_cash')).toBe(r.totalLoadedTiyn);
    expect(bal(after.rows, 'unallocated_payments') - bal(before.rows, 'unallocated_payments')).toBe(
      250_050n + 1_000n + 1n,
    );
    const { rows: credited } = await t.ctx.db.query<{ b: string }>(
      'SELECT la.balance_tiyn::text AS b FROM ledger_accounts la JOIN numbers n ON n.id = la.number_id WHERE n.msisdn = $1',
      [first[0]!.msisdn],
    );
    expect(BigInt(credited[0]!.b) - BigInt(first[0]!.b)).toBe(150_000n);
    const { rows: stored } = await t.ctx.db.query<{ order_number: string; company: boolean; allocated: boolean }>(
      `SELECT order_number, company_id IS NOT NULL AS company, account_id IS NOT NULL AND allocated_at IS NOT NULL AS allocated
         FROM payments WHERE order_number IN ('77001', '77002', '77003', '77009') ORDER BY order_number`,
    );
    expect(stored).toEqual([
      { order_number: '77001', company: true, allocated: true },
      { order_number: '77002', company: true, allocated: false },
      { order_number: '77003', company: false, allocated: false },
      { order_number: '77009', company: true, allocated: false },
    ]);

    // The same file again: nothing new. The same payment with another amount: reported.
    const ledger = await ledgerState();
    const again = await loadPayments(t.ctx.db, text, { today });
    expect(again).toMatchObject({ loaded: 0, duplicates: 4 });
    expect(await ledgerState()).toEqual(ledger);
    const changed = await loadPayments(t.ctx.db, text.replace('2500.5', '2600.5'), { today });
    expect(changed.errors.find((e) => e.code === 'conflicts_with_loaded_payment')).toMatchObject({
      line: 3,
      field: 'amount',
    });
    expect(await ledgerState()).toEqual(ledger);
    expect((await checkLedger(t.ctx.db)).ok).toBe(true);
  });

  it('F38: lists the company’s unallocated payments with the instruction, newest first', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${large}/payments/unallocated`,
      headers: { ...a.headers, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // The demo's three, and the two loaded above with the company's BIN.
    expect(body.items.map((i: { orderNumber: string }) => i.orderNumber)).toEqual(
      expect.arrayContaining(['77002', '77009']),
    );
    expect(body.items).toHaveLength(5);
    const dates = body.items.map((i: { paidOn: string }) => i.paidOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(body.items.find((i: { orderNumber: string }) => i.orderNumber === '77002')).toMatchObject({
      paidOn: d(2),
      amount: { amount: '2500.50', currency: 'KZT' },
    });
    expect(body.instruction).toBe(
      'Dear Administrator, please note that there are unallocated payments on your account. Kindly send the payment allocation register to email@kcell.kz for proper processing.',
    );
    expect(body.message).toBe(body.instruction);
    const page = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/companies/${large}/payments/unallocated?limit=2`,
        headers: a.headers,
      })
    ).json();
    expect(page.items).toHaveLength(2);
    const rest = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/companies/${large}/payments/unallocated?limit=5&cursor=${page.nextCursor}`,
        headers: a.headers,
      })
    ).json();
    expect([...page.items, ...rest.items]).toEqual(body.items);

    const none = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${small2}/payments/unallocated`,
      headers: { ...a.headers, 'accept-language': 'kk' },
    });
    expect(none.json()).toMatchObject({
      items: [],
      nextCursor: null,
      message: 'Сізде есепке жатқызылмаған төлемдер жоқ.',
    });
    const { rows } = await t.ctx.db.query(
      "SELECT 1 FROM actions WHERE company_id = $1 AND action = 'payments.unallocated.view' AND created_at > now() - interval '1 minute'",
      [small2],
    );
    expect(rows).toHaveLength(1);
  });

  it('allocates an unallocated payment to a personal account of the company, once', async () => {
    const { rows } = await t.ctx.db.query<{ id: string; ledger: boolean }>(
      `SELECT id, ledger_transaction_id IS NOT NULL AS ledger FROM payments
        WHERE company_id = $1 AND account_id IS NULL ORDER BY ledger_transaction_id IS NULL, order_number`,
      [large],
    );
    const loaded = rows.find((r) => r.ledger)!;
    const demo = rows.find((r) => !r.ledger)!;
    const unallocated = async () =>
      BigInt(
        (
          await t.ctx.db.query<{ b: string }>(
            "SELECT balance_tiyn::text AS b FROM ledger_accounts WHERE kind = 'unallocated_payments'",
          )
        ).rows[0]!.b,
      );
    const before = await unallocated();
    const r = await allocatePayment(t.ctx.db, { paymentId: loaded.id, accountNumber: '25602052' });
    expect(before - (await unallocated())).toBe(r.amountTiyn);
    await expect(allocatePayment(t.ctx.db, { paymentId: loaded.id, accountNumber: '25602052' })).rejects.toThrow(
      /already allocated/,
    );
    await expect(allocatePayment(t.ctx.db, { paymentId: demo.id, accountNumber: '26010001' })).rejects.toThrow(
      /not of the paying company/,
    );
    // A demo payment was only a document: its allocation comes from operator cash.
    await allocatePayment(t.ctx.db, { paymentId: demo.id, accountNumber: '25602052' });
    expect(await unallocated()).toBe(before - r.amountTiyn);
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/v1/companies/${large}/payments/unallocated`, headers: a.headers })
    ).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(loaded.id);
    expect(list.items).toHaveLength(3);
    expect((await checkLedger(t.ctx.db)).ok).toBe(true);
  });
});
