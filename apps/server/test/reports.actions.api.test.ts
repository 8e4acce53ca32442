import { addDays, addMonths, almatyDayStart } from '@portal/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, ADMIN_B_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { companyIdByBin, databaseToday, readXlsx, table } from './helpers/reports.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * F31 actions history: the company's administrators' actions with status, time and administrator,
 * newest first, paged; the manual's sample day; names in three languages; an XLSX download.
 */
let t: TestApp;
let a: Session;
let b: Session;
let large: string;
let today: string;

const get = (query: string, lang = 'en', s = a, company = large) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/companies/${company}/actions${query}`,
    headers: { ...s.headers, 'accept-language': lang },
  });

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  b = await login(t, ADMIN_B_PHONE, DEMO_PASSWORD);
  large = await companyIdByBin(t, a, BIN_LARGE);
  today = await databaseToday(t);
});

afterAll(async () => t?.close());

describe('F31 actions history', () => {
  it('shows the manual’s sample day: action, status, date and time, administrator', async () => {
    const res = await get('?from=2025-04-16&to=2025-04-16');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { actionText: string; status: string }) => [i.actionText, i.status])).toEqual([
      ['Getting a list of mobile numbers by invoice number 3024211480941', 'success'],
      ['View Unknown payments', 'success'],
      ['View Unknown payments', 'success'],
      ['Device registration 77011441876', 'failure'],
    ]);
    expect(items[0]).toMatchObject({
      action: 'invoice.find_numbers',
      administrator: { name: 'Ussanova Aliya', phone: '77012112101' },
      target: '3024211480941',
      createdAt: '2025-04-16T07:31:00.000Z',
    });
    const ru = (await get('?from=2025-04-16&to=2025-04-16', 'ru')).json().items;
    expect(ru[0].actionText).toBe('Получение списка мобильных номеров по номеру счёта-фактуры 3024211480941');
    const kk = (await get('?from=2025-04-16&to=2025-04-16', 'kk')).json().items;
    expect(kk[3].actionText).toBe('77011441876 құрылғыны тіркеу');
  });

  it('pages newest first through exactly the company’s actions of the period', async () => {
    const from = addMonths(today, -3);
    const { rows } = await t.ctx.db.query<{ id: string }>(
      `SELECT id FROM actions WHERE company_id = $1 AND created_at >= $2 AND created_at < $3
        ORDER BY created_at DESC, id DESC`,
      [large, almatyDayStart(from), almatyDayStart(addDays(today, 1))],
    );
    expect(rows.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`?from=${from}&to=${today}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().period).toEqual({ from, to: today });
      seen.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(rows.map((r) => String(r.id)));
  });

  it('records actions as they happen, failures too, and shows them to the company only', async () => {
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${large}/invoice-lookup?invoiceNumber=9999999999999`,
      headers: a.headers,
    });
    const latest = (await get('?limit=1')).json().items[0];
    expect(latest).toMatchObject({ action: 'invoice.find_numbers', status: 'failure', target: '9999999999999' });
    const companyB = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: b.headers })).json()
      .items[0].id;
    const ofB = (await get('?limit=200', 'en', b, companyB)).json().items;
    expect(ofB.some((i: { target: string }) => i.target === '9999999999999')).toBe(false);
  });

  it('defaults to the past month and refuses a reversed period or a bad cursor', async () => {
    expect((await get('')).json().period).toEqual({ from: addMonths(today, -1), to: today });
    const reversed = await get(`?from=${today}&to=${addDays(today, -1)}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details.fields[0]).toMatchObject({ field: 'to', code: 'period_start_after_end' });
    expect((await get('?cursor=abc')).json().error.code).toBe('invalid_cursor');
  });

  it('downloads the period as XLSX with translated headings and one row per action', async () => {
    const res = await get('?from=2025-04-16&to=2025-04-16&format=xlsx', 'ru');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('istoriya-deistvii-2025-04-16_2025-04-16.xlsx');
    const ws = (await readXlsx(res.rawPayload)).worksheets[0]!;
    const { heading, rows } = table(ws, 'Действие');
    expect(heading).toEqual(['Действие', 'Статус', 'Дата и время', 'Администратор']);
    expect(rows).toHaveLength(4);
    expect(rows[0]![0]).toBe('Получение списка мобильных номеров по номеру счёта-фактуры 3024211480941');
    expect(rows[0]![1]).toBe('Успешно');
    expect((rows[0]![2] as Date).toISOString()).toBe('2025-04-16T12:31:00.000Z'); // 12:31 in Almaty
    expect(rows[0]![3]).toBe('Ussanova Aliya 77012112101');
    expect(rows[3]![1]).toBe('Ошибка');
  });
});
