import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, ADMIN_B_EMAIL, ADMIN_B_PHONE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { createTestApp, lastMessageTo, login, type Session, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ AUTH_IP_LIMIT_PER_MINUTE: '1000' });
});
afterAll(async () => t?.close());

const NEW_PASSWORD = 'steppe wind over almaty 2026';

const me = (s: Session) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });

async function resetToken(phone: string, email: string): Promise<string> {
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { phone } });
  const body = (await lastMessageTo(t.ctx, email))!.body;
  return /token=([\w-]+)/.exec(body)![1]!;
}

const confirm = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload });

describe('F02 password reset with the e-mailed link', () => {
  it('stores the token only hashed, sets the new password once, and the link dies after use', async () => {
    const token = await resetToken(ADMIN_B_PHONE, ADMIN_B_EMAIL);
    const stored = await t.ctx.db.query('SELECT 1 FROM password_reset_tokens WHERE token_hash = $1', [token]);
    expect(stored.rows).toHaveLength(0);
    const ok = await confirm({ token, newPassword: NEW_PASSWORD, signOutOtherDevices: false });
    expect(ok.statusCode).toBe(204);
    const again = await confirm({ token, newPassword: `${NEW_PASSWORD}!`, signOutOtherDevices: false });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('reset_link_invalid');
    await login(t, ADMIN_B_PHONE, NEW_PASSWORD);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: ADMIN_B_PHONE, password: DEMO_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
  });

  it('refuses a link older than 30 minutes', async () => {
    const token = await resetToken(ADMIN_B_PHONE, ADMIN_B_EMAIL);
    await t.ctx.db.query(
      "UPDATE password_reset_tokens SET expires_at = created_at + interval '30 minutes', created_at = now() - interval '31 minutes'",
    );
    await t.ctx.db.query(
      "UPDATE password_reset_tokens SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL",
    );
    const res = await confirm({ token, newPassword: NEW_PASSWORD, signOutOtherDevices: false });
    expect(res.json().error.code).toBe('reset_link_invalid');
  });

  it('applies the password rules, with the reason in the caller’s language', async () => {
    const token = await resetToken(ADMIN_B_PHONE, ADMIN_B_EMAIL);
    for (const [password, code] of [
      ['short', 'password_too_short'],
      ['qwerty123456', 'password_common'],
      ['my number 77070000001 here', 'password_contains_phone'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        headers: { 'accept-language': 'ru' },
        payload: { token, newPassword: password, signOutOtherDevices: false },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.details.fields[0]).toMatchObject({ field: 'newPassword', code });
      expect(res.json().error.message).toMatch(/[а-я]/);
    }
  });

  it('with "Sign out on other devices" ends every session at once', async () => {
    const s = await login(t, ADMIN_B_PHONE, NEW_PASSWORD);
    expect((await me(s)).statusCode).toBe(200);
    const token = await resetToken(ADMIN_B_PHONE, ADMIN_B_EMAIL);
    expect((await confirm({ token, newPassword: `${NEW_PASSWORD} x`, signOutOtherDevices: true })).statusCode).toBe(
      204,
    );
    expect((await me(s)).statusCode).toBe(401);
  });
});

describe('F04 My Profile', () => {
  it('changes the e-mail only with the current password', async () => {
    const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    const wrong = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/email',
      headers: s.headers,
      payload: { email: 'new@company.kz', password: 'wrong password here' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0]).toMatchObject({ field: 'password', code: 'wrong_current_password' });
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/email',
      headers: s.headers,
      payload: { email: 'not-an-email', password: DEMO_PASSWORD },
    });
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'email', code: 'invalid_email' });
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/email',
      headers: s.headers,
      payload: { email: 'new@company.kz', password: DEMO_PASSWORD },
    });
    expect(ok.json().email).toBe('new@company.kz');
  });

  it('changes the password (rules apply) and can end the other sessions but not this one', async () => {
    const other = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    const common = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'password1234' },
    });
    expect(common.json().error.code).toBe('password_common');
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, signOutOtherDevices: true },
    });
    expect(ok.statusCode).toBe(204);
    expect((await me(s)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    const { rows } = await t.ctx.db.query<{ action: string; status: string }>(
      "SELECT action, status FROM actions WHERE action LIKE 'profile.%' ORDER BY id",
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'profile.email_changed', status: 'failure' },
        { action: 'profile.email_changed', status: 'success' },
        { action: 'profile.password_changed', status: 'failure' },
        { action: 'profile.password_changed', status: 'success' },
      ]),
    );
  });
});

describe('B10 sessions', () => {
  it('lists live sessions (device, IP, last seen), ends one, and a new login gets a new session id', async () => {
    const first = await login(t, ADMIN_A_PHONE, NEW_PASSWORD);
    const second = await login(t, ADMIN_A_PHONE, NEW_PASSWORD);
    expect(first.cookie).not.toBe(second.cookie);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: second.headers })).json();
    expect(list.items[0]).toMatchObject({ current: true, device: expect.any(String), ip: expect.any(String) });
    const firstMe = list.items.filter((x: { current: boolean }) => !x.current);
    expect(firstMe.length).toBeGreaterThan(0);
    for (const x of firstMe) {
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${x.id}`, headers: second.headers });
      expect(del.statusCode).toBe(204);
    }
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/sessions/00000000-0000-0000-0000-000000000000',
      headers: second.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('ends a session 12 hours after it began, however active', async () => {
    const s = await login(t, ADMIN_A_PHONE, NEW_PASSWORD);
    await t.ctx.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE ended_at IS NULL");
    expect((await me(s)).statusCode).toBe(401);
  });
});

describe('throttling (issue 3)', () => {
  const loginAs = (phone: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });

  it('adds growing delays after the third failed login for a phone', async () => {
    const phone = '77011234567';
    for (let i = 0; i < 3; i++) expect((await loginAs(phone, 'wrong password')).statusCode).toBe(401);
    const fourth = await loginAs(phone, 'wrong password');
    expect(fourth.statusCode).toBe(429);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses the 101st failed login in an hour, even with the right password', async () => {
    await t.ctx.db.query(
      `INSERT INTO rate_limits (key, window_start, count, updated_at)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / 3600) * 3600), 100, now() - interval '2 minutes')`,
      [`login-fail:${ADMIN_A_PHONE}`],
    );
    const res = await loginAs(ADMIN_A_PHONE, NEW_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('too_many_requests');
    await t.ctx.db.query('DELETE FROM rate_limits WHERE key = $1', [`login-fail:${ADMIN_A_PHONE}`]);
  });

  it('refuses the eleventh code sent to a phone in an hour', async () => {
    await t.ctx.db.query("DELETE FROM rate_limits WHERE key LIKE 'otp-send:%'");
    for (let i = 0; i < 10; i++) expect((await loginAs(ADMIN_A_PHONE, NEW_PASSWORD)).statusCode).toBe(200);
    const eleventh = await loginAs(ADMIN_A_PHONE, NEW_PASSWORD);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('otp_send_limit');
  });

  it('limits the request rate per client IP on the auth endpoints', async () => {
    const strict = await createTestApp({ AUTH_IP_LIMIT_PER_MINUTE: '5' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await strict.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { phone: '77019999999' },
        });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
      expect(codes.slice(5)).toEqual([429, 429]);
    } finally {
      await strict.close();
    }
  });
});
