import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, BIN_COMPANY_B, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { BackofficeError, BackofficeService } from '../src/modules/backoffice/backoffice.service.js';
import { createTestApp, lastMessageTo, login, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let bo: BackofficeService;
beforeAll(async () => {
  t = await createTestApp();
  bo = new BackofficeService(t.ctx.db, 'operator.test');
});
afterAll(async () => t?.close());

describe('O1 back office', () => {
  it('validates the BIN, the phone and the e-mail, naming the argument', async () => {
    await expect(bo.createCompany({ bin: '123456789012', name: 'X' })).rejects.toThrow(/--bin/);
    await expect(bo.createAdministrator({ phone: '+7 495 123 45 67', email: 'a@b.kz', name: 'X' })).rejects.toThrow(
      /--phone/,
    );
    await expect(bo.createAdministrator({ phone: '77015550101', email: 'nope', name: 'X' })).rejects.toThrow(/--email/);
    await expect(bo.createCompany({ bin: BIN_COMPANY_B, name: 'dup' })).rejects.toBeInstanceOf(BackofficeError);
  });

  it('creates a company and an administrator, grants access; the administrator sets a password through the reset link and logs in', async () => {
    await bo.createCompany({ bin: '041058570298', name: 'ТОО «Тест Бэкофис»' });
    await bo.createAdministrator({
      phone: '+7 702 555 01 01',
      email: 'new.admin@company.kz',
      name: 'Новый Админ',
      language: 'ru',
    });
    await bo.grant({ phone: '77025550101', bin: '041058570298' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { phone: '77025550101' } });
    const token = /token=([\w-]+)/.exec((await lastMessageTo(t.ctx, 'new.admin@company.kz'))!.body)![1];
    const password = 'first login on the steppe';
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: password, signOutOtherDevices: false },
    });
    expect(set.statusCode).toBe(204);
    const s = await login(t, '77025550101', password);
    const companies = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: s.headers })).json();
    expect(companies.items.map((c: { bin: string }) => c.bin)).toEqual(['041058570298']);
  });

  it('revokes access and ends the administrator’s sessions at once', async () => {
    const s = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: s.headers })).json().items;
    await bo.revoke({ phone: ADMIN_A_PHONE, bin: before[0].bin });
    // The back office is another process: the API refuses the sessions once the database's announcement of the
    // change reaches it (modules/auth/session-cache.ts), not on the next request by chance.
    await t.app.sessionCache.settled();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).statusCode).toBe(401);
    const again = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: again.headers })).json()
      .items;
    expect(after).toHaveLength(before.length - 1);
    await bo.grant({ phone: ADMIN_A_PHONE, bin: before[0].bin });
  });

  it('sets the announcement per language (F03) and changes contact details', async () => {
    await bo.setAnnouncement({ language: 'kk', title: 'Жаңалық', body: 'Қолдау қызметі: 9099' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/announcement',
      headers: { 'accept-language': 'kk' },
    });
    expect(res.json()).toMatchObject({ title: 'Жаңалық', body: 'Қолдау қызметі: 9099' });
    await bo.setContact({ phone: '77025550101', email: 'changed@company.kz' });
    const row = await t.ctx.db.query<{ email: string }>('SELECT email FROM administrators WHERE phone = $1', [
      '77025550101',
    ]);
    expect(row.rows[0]!.email).toBe('changed@company.kz');
  });

  it('records every command with the operator’s name', async () => {
    const { rows } = await t.ctx.db.query<{ action: string; operator: string }>(
      "SELECT action, details->>'operator' AS operator FROM actions WHERE action LIKE 'backoffice.%'",
    );
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'backoffice.company_created',
        'backoffice.administrator_created',
        'backoffice.access_granted',
        'backoffice.access_revoked',
        'backoffice.announcement_set',
        'backoffice.contact_changed',
      ]),
    );
    for (const r of rows) expect(r.operator).toBe('operator.test');
  });
});
