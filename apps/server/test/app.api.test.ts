import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the API as a product (B1)', () => {
  it('serves an OpenAPI 3.1 document generated from the routes, with the stable paths of spec/api.md', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/otp/resend',
      '/api/v1/auth/otp/verify',
      '/api/v1/auth/logout',
      '/api/v1/auth/password-reset',
      '/api/v1/auth/password-reset/confirm',
      '/api/v1/announcement',
      '/api/v1/me',
      '/api/v1/me/email',
      '/api/v1/me/password',
      '/api/v1/me/sessions',
      '/api/v1/companies',
      '/api/v1/companies/{companyId}',
      '/api/v1/companies/{companyId}/numbers',
      '/api/v1/companies/{companyId}/numbers/{msisdn}',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.components.schemas).toHaveProperty('Error');
  });

  it('serves browsable docs at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('sends security headers and echoes a request id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/announcement',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['cache-control']).toBe('no-store');
    const generated = await t.app.inject({ method: 'GET', url: '/api/v1/announcement' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown API path with the error shape, in the caller’s language', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'kk' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Табылмады.' } });
  });

  it('refuses a body that is not JSON with 415 and a clear code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'phone=1',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });
});

describe('the web app fallback', () => {
  it('treats plain paths as the app’s pages, and backup-like names as missing files', async () => {
    const { isAppPath } = await import('../src/app.js');
    for (const p of ['/', '/login', '/login/code', '/numbers/77010542001', '/profile?tab=sessions'])
      expect(isAppPath(p), p).toBe(true);
    for (const p of ['/login~', '/login.bak', '/index.html.old', '/api/v1/x', '/dev/outbox', '/.env'])
      expect(isAppPath(p), p).toBe(false);
  });
});

describe('F03 contact-update form', () => {
  it('is linked from the announcement and served in the asked language', async () => {
    const a = (
      await t.app.inject({ method: 'GET', url: '/api/v1/announcement', headers: { 'accept-language': 'kk' } })
    ).json();
    expect(a.contactUpdateFormUrl).toBe('/forms/contact-update?lang=kk');
    const page = await t.app.inject({ method: 'GET', url: a.contactUpdateFormUrl });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="kk">');
    expect(page.body).toContain('БСН');
  });
});

describe('F50 FAQ', () => {
  it('serves the manual’s eight questions in each language', async () => {
    const answers: Record<string, { items: { question: string; answer: string }[] }> = {};
    for (const lang of ['en', 'ru', 'kk']) {
      answers[lang] = (
        await t.app.inject({ method: 'GET', url: '/api/v1/faq', headers: { 'accept-language': lang } })
      ).json();
      expect(answers[lang]!.items).toHaveLength(8);
    }
    expect(answers.en!.items[5]!.answer).toContain('Blocked / Debt');
    expect(answers.ru!.items[5]!.answer).toContain('Заблокирован / Долг');
    expect(answers.kk!.items[0]!.question).toMatch(/[әғқңөұүһі]/i);
  });
});
