import { addDays, addMonths, almatyDayStart } from '@portal/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_EMAIL, ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import type { Jobs } from '../src/jobs/boss.js';
import { tiynToAmount } from '../src/lib/money.js';
import { actionsFor } from './helpers/number-management.js';
import {
  attachmentContent,
  companyIdByBin,
  databaseToday,
  emailsTo,
  readXlsx,
  rowsOf,
  startJobs,
  stopJobsWhenIdle,
  table,
  waitForFinal,
} from './helpers/reports.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * F19 usage details: on screen (paged, checked row by row against the database), as a file in the
 * requests centre, and e-mailed as an attachment — headings in the caller's language (F07).
 */
let t: TestApp;
let a: Session;
let jobs: Jobs;
let large: string;
let msisdn: string;
let today: string;

const url = (m = msisdn) => `/api/v1/companies/${large}/numbers/${m}/usage-reports`;
const post = (payload: object, lang = 'en') =>
  t.app.inject({ method: 'POST', url: url(), headers: { ...a.headers, 'accept-language': lang }, payload });

interface DbUsage {
  id: string;
  occurred_at: Date;
  type: string;
  direction: string;
  other_party: string | null;
  duration_seconds: number | null;
  volume_kb: string | null;
  cost_tiyn: string;
}

async function usageInDb(from: string, to: string): Promise<DbUsage[]> {
  const { rows } = await t.ctx.db.query<DbUsage>(
    `SELECT u.id, u.occurred_at, u.type, u.direction, u.other_party, u.duration_seconds, u.volume_kb, u.cost_tiyn
       FROM usage_records u JOIN numbers n ON n.id = u.number_id
      WHERE n.msisdn = $1 AND u.occurred_at >= $2 AND u.occurred_at < $3 ORDER BY u.occurred_at, u.id`,
    [msisdn, almatyDayStart(from), almatyDayStart(addDays(to, 1))],
  );
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  large = await companyIdByBin(t, a, BIN_LARGE);
  today = await databaseToday(t);
  const { rows } = await t.ctx.db.query<{ msisdn: string }>(
    `SELECT n.msisdn FROM numbers n JOIN usage_records u ON u.number_id = n.id
      WHERE n.company_id = $1 AND u.occurred_at >= $2
      GROUP BY n.msisdn ORDER BY count(*) DESC, n.msisdn LIMIT 1`,
    [large, almatyDayStart(addMonths(today, -1))],
  );
  msisdn = rows[0]!.msisdn;
  jobs = await startJobs(t);
});

afterAll(async () => {
  await stopJobsWhenIdle(t, jobs);
  await t?.close();
});

describe('F19 usage details on screen', () => {
  it('defaults to the past month and pages through exactly the records the database has, oldest first', async () => {
    const first = await post({ output: 'screen', limit: 37 });
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.period).toEqual({ from: addMonths(today, -1), to: today });
    const expected = await usageInDb(body.period.from, body.period.to);
    expect(expected.length).toBeGreaterThan(37);
    expect(body.totals.records).toBe(expected.length);
    const sum = expected.reduce((s, r) => s + BigInt(r.cost_tiyn), 0n);
    expect(body.totals.cost).toEqual({ amount: tiynToAmount(sum), currency: 'KZT' });

    const items = [...body.items];
    let cursor = body.nextCursor;
    while (cursor) {
      const next = await post({ output: 'screen', limit: 37, cursor });
      expect(next.statusCode).toBe(200);
      items.push(...next.json().items);
      cursor = next.json().nextCursor;
    }
    expect(items).toHaveLength(expected.length);
    items.forEach((item, i) => {
      const r = expected[i]!;
      expect(item).toEqual({
        occurredAt: new Date(r.occurred_at).toISOString(),
        type: r.type,
        direction: r.direction,
        otherParty: r.other_party,
        durationSeconds: r.duration_seconds,
        volumeKb: r.volume_kb === null ? null : Number(r.volume_kb),
        cost: { amount: tiynToAmount(r.cost_tiyn), currency: 'KZT' },
      });
    });
  });

  it('takes a chosen period and accepts number formats like +7 (7xx) …', async () => {
    const from = addDays(today, -10);
    const res = await t.app.inject({
      method: 'POST',
      url: url(`+7 (${msisdn.slice(1, 4)}) ${msisdn.slice(4, 7)}-${msisdn.slice(7, 9)}-${msisdn.slice(9)}`),
      headers: a.headers,
      payload: { from, to: today, limit: 200 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().totals.records).toBe((await usageInDb(from, today)).length);
  });

  it('refuses a bad period or cursor naming the field, and records the refusal in the actions history', async () => {
    const res = await post({ from: today, to: addDays(today, -1) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'period_start_after_end',
      details: { fields: [{ field: 'to', code: 'period_start_after_end' }] },
    });
    const future = await post({ from: today, to: addDays(today, 1) }, 'ru');
    expect(future.json().error.code).toBe('period_in_future');
    expect(future.json().error.message).toMatch(/Период не может заканчиваться/);
    const badDate = await post({ from: '2025-02-30' });
    expect(badDate.json().error.details.fields[0]).toMatchObject({ field: 'from', code: 'field_invalid' });
    const badCursor = await post({ cursor: 'nonsense' });
    expect(badCursor.json().error).toMatchObject({ code: 'invalid_cursor' });
    const history = await actionsFor(t, msisdn, 'report.usage');
    expect(history.some((h) => h.status === 'failure')).toBe(true);
  });
});

describe('F19 usage details as a file (requests centre) and by e-mail', () => {
  it('answers 202 with the request and the translated message; a job stores the XLSX on the request', async () => {
    const res = await post({ output: 'xlsx' }, 'kk');
    expect(res.statusCode).toBe(202);
    const request = res.json();
    expect(request).toMatchObject({ kind: 'report_usage', status: 'pending', msisdn });
    expect(request.message).toBe('Есепті қалыптастыруға сұрауыңыз қабылданды.');
    const done = await waitForFinal(t, request.id);
    expect(done.status).toBe('succeeded');
    expect(done.file_type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // The requests centre shows it and serves the file.
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${large}/requests/${request.id}`,
      headers: a.headers,
    });
    expect(view.json()).toMatchObject({ status: 'succeeded', file: { name: done.file_name } });
    const file = await t.app.inject({ method: 'GET', url: view.json().file.url, headers: a.headers });
    expect(file.statusCode).toBe(200);
    const ws = (await readXlsx(file.rawPayload)).worksheets[0]!;
    expect(ws.name).toBe('Егжей-тегжейлі есеп');
    const { heading, rows } = table(ws, 'Күні мен уақыты');
    expect(heading).toEqual(['Күні мен уақыты', 'Түрі', 'Бағыты', 'Абонент', 'Ұзақтығы', 'Көлемі, МБ', 'Құны, ₸']);
    const expected = await usageInDb(addMonths(today, -1), today);
    expect(rows).toHaveLength(expected.length + 1); // + the total
    expect(
      await emailsTo(t, ADMIN_A_EMAIL).then((m) => m.filter((x) => x.dedupe_key === `report:${request.id}`)),
    ).toEqual([]);
  });

  it('e-mails the XLSX as an attachment exactly once; every row matches the database', async () => {
    const to = 'usage-report@example.com';
    const from = addDays(today, -20);
    const res = await post({ output: 'email', email: to, from, to: today }, 'ru');
    expect(res.statusCode).toBe(202);
    expect(res.json().message).toBe('Ваш запрос на формирование отчёта принят.');
    const done = await waitForFinal(t, res.json().id);
    expect(done.status).toBe('succeeded');
    expect(done.result?.data).toMatchObject({ emailedTo: to, attached: true });
    const mails = await emailsTo(t, to);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.dedupe_key).toBe(`report:${res.json().id}`);
    expect(mail.subject).toContain('Детализация по номеру');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toMatch(new RegExp(`^detalizaciya-${msisdn}-${from}_${today}\\.xlsx$`));

    const ws = (await readXlsx(attachmentContent(mail.attachments[0]!))).worksheets[0]!;
    expect(rowsOf(ws)[0]).toEqual([
      `Детализация по номеру +7 ${msisdn.slice(1, 4)} ${msisdn.slice(4, 7)} ${msisdn.slice(7, 9)} ${msisdn.slice(9)}`,
    ]);
    const { heading, rows } = table(ws, 'Дата и время');
    expect(heading).toEqual([
      'Дата и время',
      'Тип',
      'Направление',
      'Абонент',
      'Длительность',
      'Объём, МБ',
      'Стоимость, ₸',
    ]);
    const expected = await usageInDb(from, today);
    expect(rows).toHaveLength(expected.length + 1);
    const types: Record<string, string> = { call: 'Звонок', sms: 'SMS', data: 'Мобильный интернет' };
    expected.forEach((r, i) => {
      const row = rows[i]!;
      // Dates show Almaty time: the cell holds the wall-clock time (UTC+5).
      expect((row[0] as Date).getTime()).toBe(new Date(r.occurred_at).getTime() + 5 * 3_600_000);
      expect(row[1]).toBe(types[r.type]);
      expect(row[2]).toBe(r.direction === 'outgoing' ? 'Исходящий' : 'Входящий');
      expect(row[3]).toBe(r.other_party ?? undefined);
      if (r.duration_seconds !== null) {
        expect(Math.round(((row[4] as Date).getTime() - Date.UTC(1899, 11, 30)) / 1000)).toBe(r.duration_seconds);
      }
      if (r.volume_kb !== null) expect(row[5] as number).toBeCloseTo(Number(r.volume_kb) / 1024, 2);
      expect(row[6]).toBe(Number(tiynToAmount(r.cost_tiyn)));
    });
    const total = rows.at(-1)!;
    expect(total[0]).toBe('Итого');
    expect(total[6]).toBe(Number(tiynToAmount(expected.reduce((s, r) => s + BigInt(r.cost_tiyn), 0n))));
    const history = await actionsFor(t, msisdn, 'report.usage');
    expect(history.at(-1)).toMatchObject({ status: 'success', details: { output: 'email', email: to } });
  });

  it("sends to the administrator's address when no e-mail is given", async () => {
    const before = (await emailsTo(t, ADMIN_A_EMAIL)).length;
    const res = await post({ output: 'email' }, 'en');
    const done = await waitForFinal(t, res.json().id);
    expect(done.result?.data).toMatchObject({ emailedTo: ADMIN_A_EMAIL });
    const mails = await emailsTo(t, ADMIN_A_EMAIL);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toMatch(/^My Account: Usage details for \+7/);
    expect(mails.at(-1)!.body).toContain('attached');
  });

  it('refuses a bad e-mail address naming the field', async () => {
    const res = await post({ output: 'email', email: 'not-an-address' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'email', code: 'invalid_email' });
  });
});
