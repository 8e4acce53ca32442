import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { actionsFor, administratorId, client, numberPool } from './helpers/number-management.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let a: Session;
let adminA: string;
let large: string;
let api: ReturnType<typeof client>;
let pick: ReturnType<typeof numberPool>;
const base = (msisdn: string) => `/api/v1/companies/${large}/numbers/${encodeURIComponent(msisdn)}`;

/** The manual's SIM card ("SIM card and device"): replaced 06.11.2023 09:55 Almaty time (UTC+6 then). */
const MANUAL = '77010542001';
const MANUAL_SECRETS = { pin1: '0000', pin2: '9098', puk1: '13178690', puk2: '48419033' };

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  adminA = await administratorId(t, ADMIN_A_PHONE);
  const companies = (await api.get(a, '/api/v1/companies')).json().items as { id: string; bin: string }[];
  large = companies.find((c) => c.bin === BIN_LARGE)!.id;
  pick = numberPool(t, () => large);
});
afterAll(async () => t?.close());

describe('F14 SIM card & device', () => {
  it('shows replacement date, ICCID, IMEI and eSIM — and no PIN or PUK', async () => {
    const res = await api.get(a, `${base('+7 701 054 20 01')}/sim`);
    expect(res.statusCode).toBe(200);
    const { rows } = await t.ctx.db.query<{ imei: string }>(
      'SELECT last_detected_imei AS imei FROM numbers WHERE msisdn = $1',
      [MANUAL],
    );
    expect(res.json()).toEqual({
      msisdn: MANUAL,
      iccid: '89997022001210685270',
      isEsim: false,
      replacementDate: '2023-11-06T03:55:00.000Z',
      imei: rows[0]!.imei,
      secretsAvailable: true,
    });
    expect(res.json().imei).toMatch(/^\d{14}$/);
    for (const secret of Object.values(MANUAL_SECRETS).slice(1)) expect(res.body).not.toContain(secret);
    expect(res.body).not.toMatch(/pin|puk/i);
  });

  it('has no replacement date when the SIM was never replaced', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND (SELECT count(*) FROM sims s WHERE s.number_id = n.id) = 1`);
    const res = (await api.get(a, `${base(msisdn!)}/sim`)).json();
    expect(res.replacementDate).toBeNull();
    expect(res.iccid).toMatch(/^89997\d{15}$/);
  });

  it('reveals PIN1, PIN2, PUK1, PUK2 only on an explicit request, recording every reveal', async () => {
    const before = (await actionsFor(t, MANUAL, 'sim.secrets_viewed')).length;
    const first = await api.post(a, `${base(MANUAL)}/sim/secrets`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ msisdn: MANUAL, iccid: '89997022001210685270', ...MANUAL_SECRETS });
    const second = await api.post(a, `${base(MANUAL)}/sim/secrets`);
    expect(second.json()).toMatchObject(MANUAL_SECRETS);
    const actions = (await actionsFor(t, MANUAL, 'sim.secrets_viewed')).slice(before);
    expect(actions).toHaveLength(2);
    for (const x of actions) {
      expect(x).toMatchObject({
        status: 'success',
        administrator_id: adminA,
        company_id: large,
        details: { iccid: '89997022001210685270' },
      });
      expect(JSON.stringify(x.details)).not.toContain(MANUAL_SECRETS.puk1);
    }
  });

  it('does not reveal secrets without the CSRF token, nor through GET', async () => {
    const before = (await actionsFor(t, MANUAL, 'sim.secrets_viewed')).length;
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `${base(MANUAL)}/sim/secrets`,
      headers: { cookie: a.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.body).not.toContain(MANUAL_SECRETS.puk1);
    const viaGet = await api.get(a, `${base(MANUAL)}/sim/secrets`);
    expect(viaGet.statusCode).toBe(404);
    expect((await actionsFor(t, MANUAL, 'sim.secrets_viewed')).length).toBe(before);
  });

  it('keeps PIN/PUK encrypted at rest', async () => {
    const { rows } = await t.ctx.db.query<{ pin1_enc: string; puk1_enc: string }>(
      `SELECT s.pin1_enc, s.puk1_enc FROM sims s JOIN numbers n ON n.id = s.number_id WHERE n.msisdn = $1 AND s.active`,
      [MANUAL],
    );
    expect(rows[0]!.pin1_enc).not.toContain(MANUAL_SECRETS.pin1 + MANUAL_SECRETS.pin1);
    expect(rows[0]!.puk1_enc).not.toContain(MANUAL_SECRETS.puk1);
    expect(rows[0]!.puk1_enc.split('.')).toHaveLength(3);
  });
});

describe('F15 contract phones', () => {
  it('lists every contract, newest first, with the manual’s contract as stored', async () => {
    const res = await api.get(a, `${base('77010542006')}/contract-phones`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { activatedOn: string }[];
    expect(items).toHaveLength(2);
    expect(items[0]!.activatedOn > items[1]!.activatedOn).toBe(true);
    expect(items[1]).toEqual({
      id: expect.any(String),
      status: 'completed',
      activatedOn: '2024-06-27',
      terminatesOn: '2025-05-31',
      termMonths: 12,
      monthlyPayment: { amount: '900.00', currency: 'KZT' },
      price: { amount: '1200.00', currency: 'KZT' },
      promotionName: 'Business Phone Plus',
      deviceName: 'ТЕЛЕФОН IPHONE 11 BLACK 128 GB',
      deviceType: 'Телефон',
    });
    expect(items[0]).toMatchObject({ status: 'activated', termMonths: 24, promotionName: null });
  });

  it('answers an empty list for a number without contracts', async () => {
    const [msisdn] = await pick(`NOT EXISTS (SELECT 1 FROM contract_phones c WHERE c.number_id = n.id)`);
    expect((await api.get(a, `${base(msisdn!)}/contract-phones`)).json()).toEqual({ items: [] });
  });
});

describe('F16 remaining and additional allowances', () => {
  it('shows unlimited and "available X of Y" packages with dates, names in the caller’s language', async () => {
    const res = await api.get(a, `${base(MANUAL)}/allowances`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.remaining).toEqual([
      {
        id: expect.any(String),
        name: 'Unlimited calls to Kcell/activ',
        unit: 'min',
        unlimited: true,
        available: null,
        total: null,
        connectedOn: expect.stringMatching(/^\d{4}-\d\d-01$/),
        availableUntil: expect.stringMatching(/^\d{4}-\d\d-01$/),
      },
    ]);
    const brief = (body.additional as { name: string; unit: string; available: string; total: string }[]).map((x) => [
      x.name,
      x.unit,
      x.available,
      x.total,
    ]);
    expect(brief).toEqual([
      ['Minutes to KZ landlines', 'min', '50.00', '50.00'],
      ['SMS to all KZ mobiles', 'sms', '500.00', '500.00'],
      ['Internet 20 GB', 'mb', '20480.00', '20480.00'],
      ['MB', 'mb', '20480.00', '20480.00'],
    ]);
    const ru = (await api.get(a, `${base(MANUAL)}/allowances`, 'ru')).json();
    expect(ru.remaining[0].name).toBe('Безлимитные звонки на Kcell/activ');
    const kk = (await api.get(a, `${base(MANUAL)}/allowances`, 'kk')).json();
    expect(kk.additional[0].name).toBe('ҚР қалалық нөмірлеріне минуттар');
  });

  it('shows a used-up package as available less than total', async () => {
    const [msisdn] = await pick(
      `EXISTS (SELECT 1 FROM allowances x WHERE x.number_id = n.id AND x.total IS NOT NULL AND x.available < x.total)`,
    );
    const all = (await api.get(a, `${base(msisdn!)}/allowances`)).json();
    const partial = [...all.remaining, ...all.additional].filter(
      (x: { unlimited: boolean; available: string; total: string }) =>
        !x.unlimited && Number(x.available) < Number(x.total),
    );
    expect(partial.length).toBeGreaterThan(0);
  });
});
