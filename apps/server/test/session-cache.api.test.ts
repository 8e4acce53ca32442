import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Db, Queryable } from '../src/db/client.js';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { SessionCache } from '../src/modules/auth/session-cache.js';
import { openContext } from '../src/runtime.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * Issue 4: each API process keeps its session lookups' answers for a few seconds (modules/auth/session-cache.ts),
 * so a request usually costs no round trip before its own work. What must hold: a session ended, a grant removed
 * or a number moved anywhere — another instance, the back office, SQL by hand — stops working here as soon as the
 * change has reached this process (`settled()`), not when the kept answer would have aged out.
 */
let t: TestApp;
let a: Session;
let companyA: string;
const NUMBER_OF_A = '77012111415';

const profileUrl = () => `/api/v1/companies/${companyA}/numbers/${NUMBER_OF_A}`;
const get = (url: string, s: Session, app = t.app) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

/** Counts the session lookups (the query on `sessions s`) that the app sends to the database while `fn` runs. */
async function sessionQueriesDuring(fn: () => Promise<unknown>): Promise<number> {
  const db = t.ctx.db as Queryable;
  const original = db.query;
  let count = 0;
  db.query = ((sql: string, params?: unknown[]) => {
    if (sql.includes('FROM sessions s')) count++;
    return original.call(db, sql, params);
  }) as Queryable['query'];
  try {
    await fn();
  } finally {
    db.query = original;
  }
  return count;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.app.sessionCache.settled();
  expect(t.app.sessionCache.active).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

describe('session lookups kept by the API process (issue 4)', () => {
  beforeAll(async () => {
    a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    const list = (await get('/api/v1/companies', a)).json().items as { id: string; bin: string }[];
    companyA = list.find((c) => c.bin === BIN_LARGE)!.id;
  });

  it('answers a repeated request without asking the database for the session again', async () => {
    const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    expect(await sessionQueriesDuring(async () => expect((await get(profileUrl(), s)).statusCode).toBe(200))).toBe(1);
    expect(await sessionQueriesDuring(async () => expect((await get(profileUrl(), s)).statusCode).toBe(200))).toBe(0);
    // Another of the company's routes reuses the session and the grant; a route without a company, the session.
    expect(
      await sessionQueriesDuring(async () =>
        expect((await get(`/api/v1/companies/${companyA}/numbers?limit=5`, s)).statusCode).toBe(200),
      ),
    ).toBe(0);
    expect(await sessionQueriesDuring(async () => expect((await get('/api/v1/me', s)).statusCode).toBe(200))).toBe(0);
  });

  it('refuses a session ended outside this process once the change has reached it', async () => {
    const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    expect((await get(profileUrl(), s)).statusCode).toBe(200);
    expect((await get(profileUrl(), s)).statusCode).toBe(200);
    await t.ctx.db.query(
      `UPDATE sessions SET ended_at = now()
       WHERE ended_at IS NULL AND id = (SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1)`,
    );
    await t.app.sessionCache.settled();
    expect((await get(profileUrl(), s)).statusCode).toBe(401);
  });

  it('ends the session at its idle limit even when it was just kept', async () => {
    const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    expect((await get('/api/v1/me', s)).statusCode).toBe(200);
    await t.ctx.db.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes'
       WHERE id = (SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1)`,
    );
    await t.app.sessionCache.settled();
    expect((await get('/api/v1/me', s)).statusCode).toBe(401);
  });

  it('answers 404 once the administrator no longer manages the company, or the number left it', async () => {
    const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    const other = (
      await t.ctx.db.query<{ id: string }>('SELECT id FROM companies WHERE id <> $1 ORDER BY id LIMIT 1', [companyA])
    ).rows[0]!.id;
    expect((await get(profileUrl(), s)).statusCode).toBe(200);
    await t.ctx.db.query('UPDATE numbers SET company_id = $2 WHERE msisdn = $1', [NUMBER_OF_A, other]);
    await t.app.sessionCache.settled();
    expect((await get(profileUrl(), s)).statusCode).toBe(404);
    await t.ctx.db.query('UPDATE numbers SET company_id = $2 WHERE msisdn = $1', [NUMBER_OF_A, companyA]);
    expect((await get(profileUrl(), s)).statusCode).toBe(200);

    const grant = (
      await t.ctx.db.query<{ administrator_id: string; alias: string | null; role: string }>(
        `DELETE FROM administrator_companies
         WHERE company_id = $1 AND administrator_id = (SELECT id FROM administrators WHERE phone = $2)
         RETURNING administrator_id, alias, role`,
        [companyA, ADMIN_A_PHONE],
      )
    ).rows[0]!;
    await t.app.sessionCache.settled();
    expect((await get(profileUrl(), s)).statusCode).toBe(404);
    expect((await get(`/api/v1/companies/${companyA}/numbers?limit=5`, s)).statusCode).toBe(404);
    await t.ctx.db.query(
      'INSERT INTO administrator_companies (administrator_id, company_id, alias, role) VALUES ($1, $2, $3, $4)',
      [grant.administrator_id, companyA, grant.alias, grant.role],
    );
    expect((await get(profileUrl(), s)).statusCode).toBe(200);
  });

  it('keeps nothing while it does not listen to the changes: every request asks the database', async () => {
    const app = await buildApp(t.ctx);
    await app.ready();
    try {
      await app.sessionCache.settled();
      expect(app.sessionCache.active).toBe(true);
      await app.sessionCache.close();
      expect(app.sessionCache.active).toBe(false);
      const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
      expect((await get(profileUrl(), s, app)).statusCode).toBe(200);
      await t.ctx.db.query(
        `UPDATE sessions SET ended_at = now() WHERE id = (SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1)`,
      );
      expect((await get(profileUrl(), s, app)).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  // Two API processes on one PostgreSQL server: PGlite is one process per database.
  it.runIf(Boolean(process.env.DATABASE_URL))(
    'a logout on one API instance is refused by another once the change reaches it',
    async () => {
      const url = (t.ctx.db as { url?: string }).url;
      expect(url).toBeDefined();
      const other = await openContext({ ...t.ctx.config, DATABASE_URL: url }, { seed: false });
      const second = await buildApp(other);
      await second.ready();
      try {
        await second.sessionCache.settled();
        const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
        expect((await get(profileUrl(), s, second)).statusCode).toBe(200);
        expect((await get(profileUrl(), s, second)).statusCode).toBe(200);
        const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
        expect(out.statusCode).toBe(204);
        await second.sessionCache.settled();
        expect((await get(profileUrl(), s, second)).statusCode).toBe(401);
      } finally {
        await second.close();
        await other.db.close();
      }
    },
  );
});

describe('SessionCache across a lost listening connection (issue 4)', () => {
  it('keeps no answer whose lookup began before listening resumed', async () => {
    let onState: (listening: boolean) => void = () => undefined;
    const db = {
      listen: (_channel: string, _onMessage: (payload: string) => void, state: (listening: boolean) => void) => {
        onState = state;
        return async () => undefined;
      },
    } as unknown as Db;
    const cache = new SessionCache(db, 60_000);
    const session = {
      idHash: 'h',
      administratorId: 'a',
      csrfToken: 'c',
      language: null,
      validUntil: Date.now() + 60_000,
    };
    onState(true);
    cache.remember(cache.generation, session, {});
    expect(cache.session('h')).toEqual(session);

    onState(false);
    expect(cache.session('h')).toBeUndefined();
    const during = cache.generation; // a lookup queries while nothing is heard…
    onState(true);
    cache.remember(during, session, {}); // …and answers after listening resumed: a change in the gap was missed.
    expect(cache.session('h')).toBeUndefined();
    cache.remember(cache.generation, session, {});
    expect(cache.session('h')).toEqual(session);
    await cache.close();
  });
});
