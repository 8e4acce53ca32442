import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_A_EMAIL,
  ADMIN_A_PHONE,
  ADMIN_B_EMAIL,
  ADMIN_B_PHONE,
  DEMO_PASSWORD,
} from '../src/db/demo-data/constants.js';
import { codeFrom, createTestApp, lastMessageTo, login, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('F01 log in: phone + password, then a one-time code', () => {
  it('sends administrator A (operator number) the code by SMS, masked in the reply', async () => {
    const res = await post('/api/v1/auth/login', { phone: '+7 (701) 211-21-01', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ channel: 'sms', resendAfterSeconds: 30, expiresInSeconds: 600 });
    expect(body.destination).toBe('+7 701 *** ** 01');
    const sms = await lastMessageTo(t.ctx, ADMIN_A_PHONE);
    expect(sms?.channel).toBe('sms');
    expect(codeFrom(sms!.body)).toMatch(/^\d{6}$/);
  });

  it('sends administrator B (other operator) the code by e-mail', async () => {
    const res = await post('/api/v1/auth/login', { phone: '8 707 000 00 01', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().channel).toBe('email');
    const mail = await lastMessageTo(t.ctx, ADMIN_B_EMAIL);
    expect(mail?.channel).toBe('email');
    expect(mail?.subject).toBeTruthy();
  });

  it('stores the code only as a hash', async () => {
    await post('/api/v1/auth/login', { phone: ADMIN_A_PHONE, password: DEMO_PASSWORD });
    const code = codeFrom((await lastMessageTo(t.ctx, ADMIN_A_PHONE))!.body);
    const { rows } = await t.ctx.db.query<{ code_hash: string }>(
      'SELECT code_hash FROM otp_challenges ORDER BY created_at DESC LIMIT 1',
    );
    expect(rows[0]!.code_hash).not.toContain(code);
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a wrong password exactly like an unknown phone', async () => {
    const wrong = await post('/api/v1/auth/login', { phone: ADMIN_A_PHONE, password: 'not the password' });
    const unknown = await post('/api/v1/auth/login', { phone: '+7 701 999 99 99', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('names the field of a malformed phone, in the caller’s language', async () => {
    const res = await post(
      '/api/v1/auth/login',
      { phone: '+7 (495) 123-45-67', password: 'x' },
      { 'accept-language': 'ru' },
    );
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields).toEqual([
      expect.objectContaining({
        field: 'phone',
        code: 'invalid_msisdn',
        message: expect.stringContaining('казахстанский'),
      }),
    ]);
    expect(error.message).toContain('phone');
  });

  it('refuses invalid JSON and unknown fields, naming them', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"phone": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_json');
    const unknown = await post('/api/v1/auth/login', { phone: ADMIN_A_PHONE, password: 'x', role: 'admin' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields).toContainEqual(
      expect.objectContaining({ field: 'role', code: 'field_unknown' }),
    );
    const missing = await post('/api/v1/auth/login', { phone: ADMIN_A_PHONE });
    expect(missing.json().error.details.fields).toContainEqual(
      expect.objectContaining({ field: 'password', code: 'field_required' }),
    );
  });
});

describe('F01 the one-time code', () => {
  async function challenge(phone = ADMIN_A_PHONE) {
    const res = await post('/api/v1/auth/login', { phone, password: DEMO_PASSWORD });
    const msg = await lastMessageTo(t.ctx, phone === ADMIN_A_PHONE ? ADMIN_A_PHONE : ADMIN_A_EMAIL);
    return { id: res.json().challengeId as string, code: codeFrom(msg!.body) };
  }
  const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('logs in with the right code: HttpOnly session cookie, CSRF cookie, administrator', async () => {
    const c = await challenge();
    const res = await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: c.code });
    expect(res.statusCode).toBe(200);
    expect(res.json().administrator).toMatchObject({ phone: ADMIN_A_PHONE });
    const sid = res.cookies.find((k) => k.name === 'sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    expect(res.cookies.find((k) => k.name === 'csrf_token')).toBeTruthy();
    const { rows } = await t.ctx.db.query('SELECT 1 FROM sessions WHERE id_hash = $1', [sid.value]);
    expect(rows).toHaveLength(0); // only the hash is stored
  });

  it('refuses a reused code', async () => {
    const c = await challenge();
    expect((await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: c.code })).statusCode).toBe(200);
    const again = await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: c.code });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('otp_expired');
  });

  it('refuses an expired code', async () => {
    const c = await challenge();
    await t.ctx.db.query("UPDATE otp_challenges SET expires_at = now() - interval '1 second' WHERE id = $1", [c.id]);
    const res = await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: c.code });
    expect(res.json().error.code).toBe('otp_expired');
  });

  it('counts wrong codes and kills the challenge at the fifth; a sixth try fails even with the right code', async () => {
    const c = await challenge();
    for (let i = 1; i <= 4; i++) {
      const res = await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: wrongCode(c.code) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'otp_invalid', details: { attemptsLeft: 5 - i } });
    }
    const fifth = await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: wrongCode(c.code) });
    expect(fifth.json().error.code).toBe('otp_attempts_exceeded');
    const sixth = await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: c.code });
    expect(sixth.statusCode).toBe(400);
    expect(sixth.json().error.code).toBe('otp_attempts_exceeded');
  });

  it('refuses a malformed code naming the field', async () => {
    const c = await challenge();
    const res = await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: '12ab' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'code', code: 'invalid_code_format' });
  });

  it('sends again only after the countdown, with a new code that replaces the old one', async () => {
    const c = await challenge();
    const early = await post('/api/v1/auth/otp/resend', { challengeId: c.id });
    expect(early.statusCode).toBe(429);
    expect(early.json().error.code).toBe('otp_resend_too_early');
    expect(Number(early.headers['retry-after'])).toBeGreaterThan(0);
    await t.ctx.db.query("UPDATE otp_challenges SET last_sent_at = now() - interval '31 seconds' WHERE id = $1", [
      c.id,
    ]);
    const res = await post('/api/v1/auth/otp/resend', { challengeId: c.id });
    expect(res.statusCode).toBe(200);
    const newCode = codeFrom((await lastMessageTo(t.ctx, ADMIN_A_PHONE))!.body);
    if (newCode !== c.code) {
      const old = await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: c.code });
      expect(old.json().error.code).toBe('otp_invalid');
    }
    expect((await post('/api/v1/auth/otp/verify', { challengeId: c.id, code: newCode })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('needs a session for /me, and a CSRF token for cookie-authenticated writes; logout ends it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(me.json()).toMatchObject({ phone: ADMIN_A_PHONE, email: ADMIN_A_EMAIL });
    const noCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: s.cookie },
      payload: { language: 'kk' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_failed');
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: s.headers,
      payload: { language: 'kk' },
    });
    expect(ok.json().language).toBe('kk');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
  });

  it('ends a session after 30 idle minutes', async () => {
    const s = await login(t, ADMIN_B_PHONE, DEMO_PASSWORD);
    await t.ctx.db.query(
      "UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE administrator_id = (SELECT id FROM administrators WHERE phone = $1)",
      [ADMIN_B_PHONE],
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
  });

  it('records logins, failures and code sends in the actions history (F31)', async () => {
    const { rows } = await t.ctx.db.query<{ action: string; status: string }>(
      "SELECT DISTINCT action, status FROM actions WHERE action LIKE 'auth.%'",
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'auth.login', status: 'success' },
        { action: 'auth.login', status: 'failure' },
        { action: 'auth.code_sent', status: 'success' },
        { action: 'auth.code_verify', status: 'failure' },
      ]),
    );
  });
});

describe('F02 password reset request', () => {
  it('answers the same for a known and an unknown phone; only the real administrator gets an e-mail', async () => {
    const before = await t.ctx.db.query('SELECT count(*)::int AS n FROM outbox_messages');
    const known = await post('/api/v1/auth/password-reset', { phone: ADMIN_B_PHONE });
    const unknown = await post('/api/v1/auth/password-reset', { phone: '77019999999' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const after = await t.ctx.db.query('SELECT count(*)::int AS n FROM outbox_messages');
    expect((after.rows[0] as { n: number }).n - (before.rows[0] as { n: number }).n).toBe(1);
    expect((await lastMessageTo(t.ctx, ADMIN_B_EMAIL))!.body).toMatch(/reset-password\?token=[\w-]{40,}/);
  });
});
