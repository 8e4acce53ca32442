import { addDays, addMonths, almatyDateOf, almatyDayStart, firstOfMonth, lastOfMonth } from '@portal/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_EMAIL, ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import type { Jobs } from '../src/jobs/boss.js';
import { tiynToAmount } from '../src/lib/money.js';
import { formatMoney } from '../src/modules/documents/amount-in-words.js';
import {
  attachmentContent,
  companyIdByBin,
  databaseToday,
  emailsTo,
  type OutboxEmail,
  pdfText,
  readXlsx,
  rowsOf,
  squash,
  startJobs,
  stopJobsWhenIdle,
  table,
  waitForFinal,
} from './helpers/reports.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * Reports by e-mail (F32, F34, F35, F36, F37): each is accepted with 202, built by a job, e-mailed
 * once as an attachment; every file is parsed and checked against the database, in the caller's
 * language (F07). Period rules at their edges, through the API (today from the database clock).
 */
let t: TestApp;
let a: Session;
let jobs: Jobs;
let large: string;
let today: string;
let serial = 0;

const reportsUrl = () => `/api/v1/companies/${large}/reports`;
const order = (payload: object, lang = 'en') =>
  t.app.inject({ method: 'POST', url: reportsUrl(), headers: { ...a.headers, 'accept-language': lang }, payload });

/** Orders a report to an address of its own and returns the one e-mail it produced. */
async function mailed(payload: object, lang = 'en'): Promise<{ mail: OutboxEmail; requestId: string }> {
  const email = `report-${++serial}@example.com`;
  const res = await order({ ...payload, email }, lang);
  expect(res.statusCode, res.body).toBe(202);
  const done = await waitForFinal(t, res.json().id);
  expect(done.status).toBe('succeeded');
  const mails = await emailsTo(t, email);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.dedupe_key).toBe(`report:${res.json().id}`);
  expect(mails[0]!.attachments).toHaveLength(1);
  return { mail: mails[0]!, requestId: res.json().id };
}

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  large = await companyIdByBin(t, a, BIN_LARGE);
  today = await databaseToday(t);
  jobs = await startJobs(t);
});

afterAll(async () => {
  await stopJobsWhenIdle(t, jobs);
  await t?.close();
});

describe('F32 list of numbers report', () => {
  it('lists every number with the manual’s columns; figures match the number profile and the ledger', async () => {
    const { mail } = await mailed({ type: 'numbers' }, 'ru');
    expect(mail.subject).toBe('Личный кабинет: Отчёт по списку номеров');
    expect(mail.attachments[0]!.filename).toMatch(/^nomera-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = (await readXlsx(attachmentContent(mail.attachments[0]!))).worksheets[0]!;
    const { heading, rows } = table(ws, 'Номер');
    expect(heading).toEqual([
      'Номер',
      'Метод расчёта',
      'Кредитный лимит, ₸',
      'Задолженность, ₸',
      'Баланс, ₸',
      'Остаток кредитного лимита, ₸',
      'Тарифный план',
      'Статус',
    ]);
    const { rows: numbers } = await t.ctx.db.query<{ msisdn: string; status: string; balance: string }>(
      `SELECT n.msisdn, n.status, coalesce(la.balance_tiyn, 0) AS balance FROM numbers n
         LEFT JOIN ledger_accounts la ON la.number_id = n.id WHERE n.company_id = $1 ORDER BY n.msisdn`,
      [large],
    );
    expect(rows.map((r) => r[0])).toEqual(numbers.map((n) => n.msisdn));
    const statusText: Record<string, string> = {
      active: 'Активный',
      blocked: 'Заблокирован',
      blocked_debt: 'Заблокирован / Долг',
      suspended: 'Приостановлен',
      terminated: 'Расторгнут',
    };
    rows.forEach((r, i) => {
      expect(r[7]).toBe(statusText[numbers[i]!.status]);
      expect(r[4]).toBe(Number(tiynToAmount(numbers[i]!.balance)));
    });
    // A few numbers, debtors among them, against the number profile of the API.
    const sample = [
      ...numbers.filter((n) => n.status === 'blocked_debt').slice(0, 2),
      ...numbers.filter((n) => n.status === 'active').slice(0, 3),
    ];
    for (const n of sample) {
      const profile = (
        await t.app.inject({ method: 'GET', url: `/api/v1/companies/${large}/numbers/${n.msisdn}`, headers: a.headers })
      ).json();
      const row = rows.find((r) => r[0] === n.msisdn)!;
      expect(row[1]).toBe(
        profile.generalInformation.billingMethod === 'credit' ? 'Кредитный (постоплата)' : 'Авансовый (предоплата)',
      );
      expect(row[3]).toBe(Number(profile.outstandingBalance.amount));
      expect(row[6]).toBe(profile.tariff.name);
      if (profile.generalInformation.billingMethod === 'advance') expect(row[2]).toBe(0);
      else expect(row[2]).toBe(Number((profile.individualLimit ?? profile.creditLimit).amount));
      if (n.status === 'blocked_debt') expect(row[3]).toBeGreaterThan(0);
    }
  });
});

describe('F34 invoice register', () => {
  it('lists the invoices issued in the period with net, VAT and totals that add up', async () => {
    const from = addMonths(today, -4);
    const { mail } = await mailed({ type: 'invoice-register', from, to: today });
    const ws = (await readXlsx(attachmentContent(mail.attachments[0]!))).worksheets[0]!;
    const { heading, rows } = table(ws, 'Invoice number');
    expect(heading).toEqual([
      'Invoice number',
      'E-invoice registration number',
      'Issue date',
      'Billing period',
      'Personal account',
      'Amount excl. VAT, ₸',
      'VAT, ₸',
      'Total incl. VAT, ₸',
    ]);
    const { rows: invoices } = await t.ctx.db.query<{
      invoice_number: string;
      total_tiyn: string;
      vat_tiyn: string;
      issued_at: Date;
    }>(
      `SELECT invoice_number, total_tiyn, vat_tiyn, issued_at FROM invoices
        WHERE company_id = $1 AND issued_at >= $2 AND issued_at < $3 ORDER BY issued_at, invoice_number`,
      [large, almatyDayStart(from), almatyDayStart(addDays(today, 1))],
    );
    expect(invoices.length).toBeGreaterThan(10);
    const data = rows.slice(0, -1);
    expect(data.map((r) => r[0])).toEqual(invoices.map((i) => i.invoice_number));
    data.forEach((r, i) => {
      const inv = invoices[i]!;
      expect(r[7]).toBe(Number(tiynToAmount(inv.total_tiyn)));
      expect(r[6]).toBe(Number(tiynToAmount(inv.vat_tiyn)));
      expect(Math.round(((r[5] as number) + (r[6] as number)) * 100)).toBe(Number(inv.total_tiyn));
      expect((r[2] as Date).toISOString().slice(0, 10)).toBe(almatyDateOf(new Date(inv.issued_at)));
    });
    const total = rows.at(-1)!;
    expect(total[0]).toBe('Total');
    expect(total[7]).toBe(Number(tiynToAmount(invoices.reduce((s, i) => s + BigInt(i.total_tiyn), 0n))));
  });
});

describe('F37 payments report', () => {
  it('lists the payments of the period, allocated or not, with the total', async () => {
    const from = addMonths(today, -6);
    const { mail } = await mailed({ type: 'payments', from, to: today }, 'kk');
    const ws = (await readXlsx(attachmentContent(mail.attachments[0]!))).worksheets[0]!;
    const { heading, rows } = table(ws, 'Төлем күні');
    expect(heading[1]).toBe('Төлем тапсырмасының нөмірі');
    const { rows: payments } = await t.ctx.db.query<{
      order_number: string;
      amount_tiyn: string;
      account_id: string | null;
    }>(
      `SELECT order_number, amount_tiyn, account_id FROM payments
        WHERE company_id = $1 AND paid_on BETWEEN $2::date AND $3::date ORDER BY paid_on, id`,
      [large, from, today],
    );
    expect(payments.some((p) => p.account_id === null)).toBe(true);
    const data = rows.slice(0, -1);
    expect(data.map((r) => r[1])).toEqual(payments.map((p) => p.order_number));
    data.forEach((r, i) => {
      expect(r[3]).toBe(Number(tiynToAmount(payments[i]!.amount_tiyn)));
      expect(r[4]).toBe(payments[i]!.account_id ? 'Есепке жатқызылды' : 'Есепке жатқызылмаған');
    });
    expect(rows.at(-1)![3]).toBe(Number(tiynToAmount(payments.reduce((s, p) => s + BigInt(p.amount_tiyn), 0n))));
  });
});

describe('F36 registered devices report', () => {
  it('lists each IMEI whose latest registration request left it registered', async () => {
    const { mail } = await mailed({ type: 'registered-devices' });
    const ws = (await readXlsx(attachmentContent(mail.attachments[0]!))).worksheets[0]!;
    const { rows } = table(ws, 'Number');
    const { rows: history } = await t.ctx.db.query<{ msisdn: string; imei: string; state: string; requested_at: Date }>(
      `SELECT n.msisdn, d.imei, d.state, d.requested_at FROM device_registrations d JOIN numbers n ON n.id = d.number_id
        WHERE n.company_id = $1`,
      [large],
    );
    const latest = new Map<string, (typeof history)[number]>();
    for (const h of history) {
      const key = `${h.msisdn} ${h.imei}`;
      const seen = latest.get(key);
      if (!seen || new Date(seen.requested_at) < new Date(h.requested_at)) latest.set(key, h);
    }
    const registered = [...latest.entries()]
      .filter(([, h]) => h.state === 'registered')
      .map(([k]) => k)
      .sort();
    expect(registered.length).toBeGreaterThan(5);
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(registered);
    expect(new Set(rows.map((r) => r[2]))).toEqual(
      new Set(
        rows
          .map((r) => r[2])
          .filter((k) => ['Registration', 'Re-registration', 'Duplicate registration'].includes(k as string)),
      ),
    );
  });
});

describe('F35 reconciliation statement (PDF)', () => {
  it('shows the opening balance, every invoice and payment, the turnovers and the closing balance, in Kazakh', async () => {
    const from = addMonths(firstOfMonth(today), -3);
    const to = lastOfMonth(addMonths(firstOfMonth(today), -1));
    const { mail } = await mailed({ type: 'reconciliation', from, to }, 'kk');
    expect(mail.attachments[0]!.filename).toMatch(/^salystyru-aktisi-.*\.pdf$/);
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    const text = await pdfText(attachmentContent(mail.attachments[0]!));
    expect(text).toContain('Өзара есеп айырысуды салыстыру актісі');
    for (const word of [
      'Мобильді байланыс',
      'Тіркелген интернет',
      'Көлік мониторингі',
      'Телеметрия',
      'Келісімшарттық телефондар',
    ]) {
      expect(text).toContain(word);
    }
    const sums = await t.ctx.db.query<{
      before_inv: string;
      before_paid: string;
      inv: string;
      paid: string;
      invoices: string;
      payments: string;
    }>(
      `SELECT (SELECT coalesce(sum(total_tiyn), 0) FROM invoices WHERE company_id = $1 AND issued_at < $2) AS before_inv,
              (SELECT coalesce(sum(amount_tiyn), 0) FROM payments WHERE company_id = $1 AND paid_on < $4::date) AS before_paid,
              (SELECT coalesce(sum(total_tiyn), 0) FROM invoices WHERE company_id = $1 AND issued_at >= $2 AND issued_at < $3) AS inv,
              (SELECT coalesce(sum(amount_tiyn), 0) FROM payments WHERE company_id = $1 AND paid_on BETWEEN $4::date AND $5::date) AS paid,
              (SELECT count(*) FROM invoices WHERE company_id = $1 AND issued_at >= $2 AND issued_at < $3) AS invoices,
              (SELECT count(*) FROM payments WHERE company_id = $1 AND paid_on BETWEEN $4::date AND $5::date) AS payments`,
      [large, almatyDayStart(from), almatyDayStart(addDays(to, 1)), from, to],
    );
    const s = sums.rows[0]!;
    const opening = BigInt(s.before_inv) - BigInt(s.before_paid);
    const closing = opening + BigInt(s.inv) - BigInt(s.paid);
    const flat = squash(text);
    const amount = (tiyn: bigint) => squash(formatMoney(tiyn < 0n ? -tiyn : tiyn, 'kk').replace('₸', ''));
    expect(flat).toContain(`Кезеңбасындағысальдо${amount(opening)}`);
    expect(flat).toContain(`Кезеңдегіайналым${amount(BigInt(s.inv))}${amount(BigInt(s.paid))}`);
    expect(flat).toContain('Кезеңсоңындағысальдо');
    expect(flat).toContain(amount(closing));
    expect(text.match(/Қызмет көрсету, шот-фактура №/g)?.length).toBe(Number(s.invoices));
    expect(text.match(/Төлем, төлем тапсырмасы №/g)?.length ?? 0).toBe(Number(s.payments));
  });
});

describe('period rules through the API, at their edges (today by the database clock)', () => {
  it('invoice register: 3 years back is accepted, a day more is refused on `from`', async () => {
    const edge = addMonths(today, -36);
    expect((await order({ type: 'invoice-register', from: edge, to: edge, email: ADMIN_A_EMAIL })).statusCode).toBe(
      202,
    );
    const res = await order({ type: 'invoice-register', from: addDays(edge, -1), to: edge });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'period_too_old',
      details: { fields: [{ field: 'from', code: 'period_too_old' }] },
    });
  });

  it('reconciliation: 36 months back is accepted, a day more is refused; the current month is not closed', async () => {
    const edge = addMonths(today, -36);
    const closed = addDays(firstOfMonth(today), -1);
    expect((await order({ type: 'reconciliation', from: edge, to: addDays(edge, 1) })).statusCode).toBe(202);
    const old = await order({ type: 'reconciliation', from: addDays(edge, -1), to: closed });
    expect(old.json().error.details.fields[0]).toEqual({
      field: 'from',
      code: 'period_too_old',
      message: expect.stringContaining('available from'),
    });
    expect((await order({ type: 'reconciliation', from: firstOfMonth(closed), to: closed })).statusCode).toBe(202);
    const open = await order({ type: 'reconciliation', from: firstOfMonth(today), to: today }, 'ru');
    expect(open.statusCode).toBe(400);
    expect(open.json().error.code).toBe('period_not_closed');
    expect(open.json().error.message).toMatch(/^Акт сверки за \d{2}\.\d{4} будет доступен с 01\.\d{2}\.\d{4}\.$/);
  });

  it('payments: 6 months back is accepted, a day more is refused and recorded in the actions history', async () => {
    const edge = addMonths(today, -6);
    expect((await order({ type: 'payments', from: edge, to: today })).statusCode).toBe(202);
    const res = await order({ type: 'payments', from: addDays(edge, -1), to: today });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'from', code: 'period_too_old' });
    const { rows } = await t.ctx.db.query<{ status: string }>(
      `SELECT status FROM actions WHERE company_id = $1 AND action = 'report.payments' ORDER BY id DESC LIMIT 1`,
      [large],
    );
    expect(rows[0]!.status).toBe('failure');
  });

  it('validates the type and the e-mail, naming the fields', async () => {
    const res = await order({ type: 'everything', email: 'x' });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.details.fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['email', 'type']);
    expect((await order({})).json().error.details.fields[0]).toMatchObject({ field: 'type' });
  });

  it("answers 202 with the request resource and the message, and e-mails the administrator's address by default", async () => {
    const res = await order({ type: 'registered-devices' }, 'en');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      kind: 'report_registered_devices',
      status: 'pending',
      message: 'Your request to submit a report has been accepted.',
      params: { type: 'registered-devices', email: ADMIN_A_EMAIL, output: 'email', language: 'en' },
      result: null,
    });
    const done = await waitForFinal(t, res.json().id);
    expect(done.result).toMatchObject({
      messageKey: 'report_sent',
      data: { emailedTo: ADMIN_A_EMAIL, attached: true },
    });
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${large}/requests/${res.json().id}`,
      headers: { ...a.headers, 'accept-language': 'en' },
    });
    expect(view.json()).toMatchObject({
      status: 'succeeded',
      message: `The report has been sent to ${ADMIN_A_EMAIL}.`,
    });
    expect(rowsOf((await readXlsx(done.file_content!)).worksheets[0]!)[0]).toEqual(['Registered devices report']);
  });
});
