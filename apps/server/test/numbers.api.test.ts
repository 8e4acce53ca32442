import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_A_PHONE,
  ADMIN_B_PHONE,
  BIN_COMPANY_B,
  BIN_LARGE,
  DEMO_PASSWORD,
} from '../src/db/demo-data/constants.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let a: Session;
let b: Session;
let companiesA: { id: string; bin: string; alias: string | null; fullName: string; numbersCount: number }[];
let large: string;
let companyB: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  b = await login(t, ADMIN_B_PHONE, DEMO_PASSWORD);
  companiesA = (await get(a, '/api/v1/companies')).json().items;
  large = companiesA.find((c) => c.bin === BIN_LARGE)!.id;
  companyB = (await get(b, '/api/v1/companies')).json().items[0].id;
});
afterAll(async () => t?.close());

function get(s: Session, url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie, ...headers } });
}

describe('F05/F06 companies', () => {
  it('lists the companies administrator A manages, with BIN, name, alias and size', () => {
    expect(companiesA).toHaveLength(3);
    expect(companiesA.find((c) => c.id === large)!.numbersCount).toBeGreaterThan(1500);
    expect(companiesA.map((c) => c.bin)).not.toContain(BIN_COMPANY_B);
  });

  it('sets an alias (F05) and refuses another administrator’s company with 404', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/companies/${large}`,
      headers: a.headers,
      payload: { alias: '  Head office ' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().alias).toBe('Head office');
    const foreign = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/companies/${companyB}`,
      headers: a.headers,
      payload: { alias: 'mine now' },
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('F10 numbers list', () => {
  it('pages through the company with a cursor, 50 by default, in number order, without repeats', async () => {
    const first = (await get(a, `/api/v1/companies/${large}/numbers`)).json();
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).toBeTruthy();
    const second = (await get(a, `/api/v1/companies/${large}/numbers?cursor=${first.nextCursor}`)).json();
    const all = [...first.items, ...second.items].map((n: { msisdn: string }) => n.msisdn);
    expect(new Set(all).size).toBe(100);
    expect([...all].sort()).toEqual(all);
    const item = first.items[0];
    expect(item).toMatchObject({
      msisdn: expect.stringMatching(/^77\d{9}$/),
      accountNumber: expect.any(String),
      tariff: { code: expect.any(String), name: expect.any(String) },
      billingMethod: expect.stringMatching(/^(credit|advance)$/),
      availableFunds: { amount: expect.stringMatching(/^-?\d+\.\d{2}$/), currency: 'KZT' },
    });
  });

  it('walks to the end: the last page has no cursor, and the count matches the company', async () => {
    let cursor: string | null = null;
    let count = 0;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = (
        await get(a, `/api/v1/companies/${large}/numbers?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(count).toBe(companiesA.find((c) => c.id === large)!.numbersCount);
  });

  it('searches by a number fragment, a whole number in any form, and a personal account', async () => {
    const frag = (await get(a, `/api/v1/companies/${large}/numbers?q=0542`)).json();
    expect(frag.items.length).toBeGreaterThan(0);
    for (const n of frag.items) expect(n.msisdn).toContain('0542');
    const whole = (
      await get(a, `/api/v1/companies/${large}/numbers?q=${encodeURIComponent('+7 (701) 054-20-01')}`)
    ).json();
    expect(whole.items.map((n: { msisdn: string }) => n.msisdn)).toEqual(['77010542001']);
    const account = whole.items[0].accountNumber as string;
    const byAccount = (await get(a, `/api/v1/companies/${large}/numbers?q=${account}`)).json();
    expect(byAccount.items.map((n: { msisdn: string }) => n.msisdn)).toContain('77010542001');
  });

  it('finds exactly the numbers containing a fragment, short or long, across pages and with a filter (F10)', async () => {
    // Short fragments walk the company in number order; from 4 digits the trigram index finds the hits first.
    // Both must page through the same set a plain scan finds.
    const account = (
      await t.ctx.db.query<{ account_number: string }>(
        'SELECT account_number FROM personal_accounts WHERE company_id = $1 ORDER BY account_number LIMIT 1',
        [large],
      )
    ).rows[0]!.account_number;
    for (const [q, status] of [
      ['054', undefined],
      ['0542', undefined],
      ['05420', 'active'],
      [account.slice(0, 6), undefined],
    ] as const) {
      const expected = (
        await t.ctx.db.query<{ msisdn: string }>(
          `SELECT n.msisdn FROM numbers n JOIN personal_accounts pa ON pa.id = n.account_id
           WHERE n.company_id = $1 AND (n.msisdn LIKE '%' || $2 || '%' OR pa.account_number LIKE $2 || '%')
             AND ($3::text IS NULL OR n.status::text = $3) ORDER BY n.msisdn`,
          [large, q, status ?? null],
        )
      ).rows.map((r) => r.msisdn);
      expect(expected.length, q).toBeGreaterThan(0);
      const found: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { msisdn: string }[]; nextCursor: string | null } = (
          await get(
            a,
            `/api/v1/companies/${large}/numbers?limit=50&q=${q}${status ? `&status=${status}` : ''}${cursor ? `&cursor=${cursor}` : ''}`,
          )
        ).json();
        found.push(...page.items.map((n) => n.msisdn));
        cursor = page.nextCursor;
      } while (cursor);
      expect(found, q).toEqual(expected);
    }
  });

  it('filters by status', async () => {
    for (const status of ['active', 'blocked', 'blocked_debt']) {
      const page = (await get(a, `/api/v1/companies/${large}/numbers?status=${status}`)).json();
      expect(page.items.length).toBeGreaterThan(0);
      for (const n of page.items) expect(n.status).toBe(status);
    }
  });

  it('refuses bad paging and search input, naming the field', async () => {
    const limit = await get(a, `/api/v1/companies/${large}/numbers?limit=500`);
    expect(limit.statusCode).toBe(400);
    expect(limit.json().error.details.fields[0].field).toBe('limit');
    const cursor = await get(a, `/api/v1/companies/${large}/numbers?cursor=garbage`);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.details.fields[0].field).toBe('cursor');
    const q = await get(a, `/api/v1/companies/${large}/numbers?q=abc`, { 'accept-language': 'kk' });
    expect(q.json().error).toMatchObject({ code: 'invalid_search', details: { fields: [{ field: 'q' }] } });
    expect(q.json().error.message).toMatch(/[әғқңөұүһі]/i);
    const status = await get(a, `/api/v1/companies/${large}/numbers?status=sleeping`);
    expect(status.json().error.details.fields[0].field).toBe('status');
  });

  it('is scoped to the company: another administrator’s company answers 404 like a missing one', async () => {
    for (const id of [companyB, '00000000-0000-0000-0000-000000000000', 'not-a-uuid']) {
      const res = await get(a, `/api/v1/companies/${id}/numbers`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    // A's number addressed through B's own company is not found either.
    expect((await get(b, `/api/v1/companies/${companyB}/numbers/77010542001`)).statusCode).toBe(404);
    expect((await get(b, `/api/v1/companies/${large}/numbers/77010542001`)).statusCode).toBe(404);
  });
});

describe('F11–F13 number profile', () => {
  it('shows status, tariff, money and general information', async () => {
    const res = await get(a, `/api/v1/companies/${large}/numbers/${encodeURIComponent('+7 701 054 20 01')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      msisdn: '77010542001',
      creditLimit: { currency: 'KZT' },
      outstandingBalance: { currency: 'KZT' },
      generalInformation: { accountType: expect.stringMatching(/^(separate|common)$/) },
    });
  });
});
