import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { actionsFor, client, commandsFor, numberPool, servicesOf } from './helpers/number-management.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let a: Session;
let large: string;
let api: ReturnType<typeof client>;
let pick: ReturnType<typeof numberPool>;
const base = (msisdn: string) => `/api/v1/companies/${large}/numbers/${msisdn}`;
const service = (msisdn: string, code: string) => `${base(msisdn)}/services/${code}`;

/** The manual's number: Карт Бланш+ 1000; onnet_unlimited, data_20gb, sms_500, landline_50, content_block. */
const MANUAL = '77010542001';
/** Has roaming registration (operator-only) and data_5gb. */
const ROAMING = '77011441876';

interface Item {
  code: string;
  category: string;
  name: string;
  terms: string;
  monthlyFee: { amount: string; currency: string };
  active: boolean;
  activatedAt: string | null;
  isRestriction: boolean;
  operatorOnly: boolean;
  available: boolean;
  unavailableReason: { code: string; message: string } | null;
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  const companies = (await api.get(a, '/api/v1/companies')).json().items as { id: string; bin: string }[];
  large = companies.find((c) => c.bin === BIN_LARGE)!.id;
  pick = numberPool(t, () => large);
});
afterAll(async () => t?.close());

async function items(msisdn: string, lang = 'en'): Promise<Item[]> {
  const res = await api.get(a, `${base(msisdn)}/services`, lang);
  expect(res.statusCode).toBe(200);
  return (res.json().categories as { services: Item[] }[]).flatMap((c) => c.services);
}
const find = async (msisdn: string, code: string, lang = 'en') =>
  (await items(msisdn, lang)).find((i) => i.code === code)!;

/** Numbers without any of the given services. */
const without = (...codes: string[]) =>
  `NOT EXISTS (SELECT 1 FROM number_services s WHERE s.number_id = n.id AND s.service_code IN (${codes
    .map((c) => `'${c}'`)
    .join(', ')}))`;
const withService = (code: string) =>
  `EXISTS (SELECT 1 FROM number_services s WHERE s.number_id = n.id AND s.service_code = '${code}')`;

describe('F17 services: list with state, availability and reasons', () => {
  it('lists every catalog service once, in the five categories of the manual, with state from the number', async () => {
    const res = await api.get(a, `${base(MANUAL)}/services`);
    const body = res.json();
    expect(body.msisdn).toBe(MANUAL);
    expect(body.categories.map((c: { category: string }) => c.category)).toEqual([
      'calls_sms',
      'data',
      'roaming',
      'additional',
      'promotions',
    ]);
    const all = await items(MANUAL);
    const { rows } = await t.ctx.db.query<{ code: string; category: string }>('SELECT code, category FROM services');
    expect(all.map((i) => i.code).sort()).toEqual(rows.map((r) => r.code).sort());
    for (const c of body.categories as { category: string; services: Item[] }[]) {
      for (const s of c.services) expect(s.category).toBe(c.category);
    }
    expect(
      all
        .filter((i) => i.active)
        .map((i) => i.code)
        .sort(),
    ).toEqual(await servicesOf(t, MANUAL));
    const onnet = all.find((i) => i.code === 'onnet_unlimited')!;
    expect(onnet).toMatchObject({
      name: 'Unlimited calls to Kcell/activ',
      monthlyFee: { amount: '990.00', currency: 'KZT' },
      active: true,
      activatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      available: true,
      unavailableReason: null,
    });
    expect(onnet.terms).toMatch(/990 ₸/);
  });

  it('gives names, terms and reasons in the caller’s language', async () => {
    const ru = await find(MANUAL, 'roaming_registration', 'ru');
    expect(ru.name).toBe('Регистрация в роуминговой сети');
    expect(ru.unavailableReason!.message).toMatch(/только оператор/);
    const kk = await find(MANUAL, 'business_travel', 'kk');
    expect(kk.name).toBe('Іссапар');
    expect(kk.terms).toMatch(/Роуминг желісінде тіркелу/);
    expect(kk.unavailableReason!.message).toMatch(/қолжетімді/);
  });

  it('shows unavailable services disabled, each with the reason that applies', async () => {
    const all = await items(MANUAL);
    const reason = (code: string) => all.find((i) => i.code === code)!.unavailableReason?.code ?? null;
    expect(reason('roaming_registration')).toBe('service_operator_only');
    expect(reason('business_travel')).toBe('service_requires_missing');
    expect(reason('intl_calls_60')).toBe('service_tariff_not_allowed');
    expect(reason('data_5gb')).toBe('service_exclusive_conflict');
    expect(reason('promo_welcome_5gb')).toBe('service_promotion_ended');
    expect(reason('voicemail')).toBeNull();
    expect(reason('data_20gb')).toBeNull(); // active: can be disconnected
    expect(all.find((i) => i.code === 'data_5gb')!.unavailableReason!.message).toBe(
      '«Internet 5 GB» cannot be connected together with «Internet 20 GB»: only one package of this kind can be connected at a time. Disconnect «Internet 20 GB» first.',
    );
    for (const i of all) expect(i.available).toBe(i.unavailableReason === null);
  });
});

describe('F17 services: connect and disconnect', () => {
  it('connects a service (PUT) and disconnects it (DELETE), through the network, in the actions history', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND n.tariff_code <> 'business_m2m' AND ${without('voicemail')}`);
    const on = await api.put(a, service(msisdn!, 'voicemail'));
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ code: 'voicemail', active: true, available: true, name: 'Voicemail' });
    expect(await servicesOf(t, msisdn!)).toContain('voicemail');
    const { rows } = await t.ctx.db.query<{ activated_by: string }>(
      `SELECT activated_by FROM number_services ns JOIN numbers n ON n.id = ns.number_id
       WHERE n.msisdn = $1 AND ns.service_code = 'voicemail'`,
      [msisdn],
    );
    expect(rows[0]!.activated_by).toBe('administrator');
    expect((await find(msisdn!, 'voicemail')).active).toBe(true);

    const off = await api.del(a, service(msisdn!, 'voicemail'));
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ code: 'voicemail', active: false, activatedAt: null });
    expect(await servicesOf(t, msisdn!)).not.toContain('voicemail');

    expect((await actionsFor(t, msisdn!)).map((x) => [x.action, x.status, x.details.service])).toEqual([
      ['service.activate', 'success', 'voicemail'],
      ['service.deactivate', 'success', 'voicemail'],
    ]);
    expect((await commandsFor(t, msisdn!)).map((c) => [c.kind, c.status, c.payload.serviceCode])).toEqual([
      ['service_activate', 'succeeded', 'voicemail'],
      ['service_deactivate', 'succeeded', 'voicemail'],
    ]);
  });

  it('refuses to connect a connected service and to disconnect one that is not connected (409)', async () => {
    const on = await api.put(a, service(MANUAL, 'onnet_unlimited'));
    expect([on.statusCode, on.json().error.code]).toEqual([409, 'service_already_active']);
    expect(on.json().error.message).toBe('«Unlimited calls to Kcell/activ» is already connected.');
    const off = await api.del(a, service(MANUAL, 'caller_tune'));
    expect([off.statusCode, off.json().error.code]).toEqual([409, 'service_not_active']);
  });

  it('answers 404 service_not_found for a code not in the catalog', async () => {
    const res = await api.put(a, service(MANUAL, 'free_money'));
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'service_not_found']);
    const action = (await actionsFor(t, MANUAL, 'service.activate')).at(-1);
    expect(action).toMatchObject({ status: 'failure', details: { service: 'free_money', code: 'service_not_found' } });
  });
});

describe('F17 catalog rules, each refused with its own code and reason', () => {
  it('mutually exclusive family: a second data pack is refused, naming the connected one', async () => {
    const [msisdn] = await pick(
      `n.status = 'active' AND ${withService('data_20gb')} AND ${without('data_5gb', 'data_10gb')}`,
    );
    const res = await api.put(a, service(msisdn!, 'data_5gb'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'service_exclusive_conflict',
      details: { service: 'data_5gb', conflictingService: 'data_20gb', exclusiveGroup: 'data_pack' },
    });
    expect(res.json().error.message).toMatch(/«Internet 20 GB»/);
    expect(await servicesOf(t, msisdn!)).not.toContain('data_5gb');
    const [failure] = await actionsFor(t, msisdn!, 'service.activate');
    expect(failure).toMatchObject({ status: 'failure', details: { code: 'service_exclusive_conflict' } });
    // With the other pack disconnected, the same pack connects.
    expect((await api.del(a, service(msisdn!, 'data_20gb'))).statusCode).toBe(200);
    expect((await api.put(a, service(msisdn!, 'data_5gb'))).statusCode).toBe(200);
    expect(await servicesOf(t, msisdn!)).toContain('data_5gb');
  });

  it('prerequisite missing: a roaming pack needs registration on the roaming network', async () => {
    const res = await api.put(a, service(MANUAL, 'business_travel'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'service_requires_missing',
      details: { requiredService: 'roaming_registration' },
    });
    expect(res.json().error.message).toBe(
      '«Business travel» is available only when «Registration on roaming network» is connected.',
    );
    // The manual's roaming number has the registration: the same service connects there.
    const ok = await api.put(a, service(ROAMING, 'business_travel'));
    expect(ok.statusCode).toBe(200);
  });

  it('deactivating a service another connected one needs is refused, naming the dependent service', async () => {
    // The demo's only prerequisite is operator-only; this file's own catalog gets a second one.
    await t.ctx.db.query(`UPDATE services SET requires_service_code = 'voicemail' WHERE code = 'caller_tune'`);
    try {
      const [msisdn] = await pick(
        `n.status = 'active' AND n.tariff_code <> 'business_m2m' AND ${without('voicemail', 'caller_tune')}`,
      );
      expect((await api.put(a, service(msisdn!, 'caller_tune'))).json().error.code).toBe('service_requires_missing');
      expect((await api.put(a, service(msisdn!, 'voicemail'))).statusCode).toBe(200);
      expect((await api.put(a, service(msisdn!, 'caller_tune'))).statusCode).toBe(200);
      const res = await api.del(a, service(msisdn!, 'voicemail'));
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'service_required_by',
        details: { dependentService: 'caller_tune' },
      });
      expect(res.json().error.message).toMatch(/«Corporate ringback tone»/);
      expect((await find(msisdn!, 'voicemail')).unavailableReason?.code).toBe('service_required_by');
      expect(await servicesOf(t, msisdn!)).toEqual(expect.arrayContaining(['voicemail', 'caller_tune']));
      expect((await api.del(a, service(msisdn!, 'caller_tune'))).statusCode).toBe(200);
      expect((await api.del(a, service(msisdn!, 'voicemail'))).statusCode).toBe(200);
    } finally {
      await t.ctx.db.query(`UPDATE services SET requires_service_code = NULL WHERE code = 'caller_tune'`);
    }
  });

  it('tariff not allowed: names the tariff; the same service connects on an allowed tariff', async () => {
    const res = await api.put(a, service(MANUAL, 'intl_calls_60'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('service_tariff_not_allowed');
    expect(res.json().error.message).toBe(
      '«International calls: 60 minutes» is not available on the tariff «Карт Бланш+ 1000».',
    );
    const [allowed] = await pick(
      `n.status = 'active' AND n.tariff_code = 'business_connect_5000' AND ${without('intl_calls_60')}`,
    );
    expect((await api.put(a, service(allowed!, 'intl_calls_60'))).statusCode).toBe(200);
  });

  it('operator-only services cannot be connected or disconnected by the administrator', async () => {
    const on = await api.put(a, service(MANUAL, 'roaming_registration'));
    expect([on.statusCode, on.json().error.code]).toEqual([409, 'service_operator_only']);
    const off = await api.del(a, service(ROAMING, 'roaming_registration'));
    expect([off.statusCode, off.json().error.code]).toEqual([409, 'service_operator_only']);
    expect(await servicesOf(t, ROAMING)).toContain('roaming_registration');
    expect(await servicesOf(t, MANUAL)).not.toContain('roaming_registration');
  });

  it('a promotion past its last day is refused with the date; a running one connects', async () => {
    const res = await api.put(a, service(MANUAL, 'promo_welcome_5gb'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('service_promotion_ended');
    expect(res.json().error.message).toMatch(/^The offer «Welcome bonus: \+5 GB» ended on \d\d\.\d\d\.\d{4}\.$/);
    expect((await api.put(a, service(MANUAL, 'promo_double_data'))).statusCode).toBe(200);
  });

  it('not while the number is blocked, blocked for debt, suspended or terminated — except services allowed while blocked', async () => {
    const [blocked] = await pick(`n.status = 'blocked' AND ${without('data_night', 'ussd_ban')}`);
    const night = await api.put(a, service(blocked!, 'data_night'));
    expect([night.statusCode, night.json().error.code]).toEqual([409, 'number_blocked']);
    expect((await find(blocked!, 'data_night')).unavailableReason?.code).toBe('number_blocked');
    // The USSD ban is allowed while blocked.
    expect((await api.put(a, service(blocked!, 'ussd_ban'))).statusCode).toBe(200);

    const [debtor] = await pick(`n.status = 'blocked_debt' AND ${without('data_night', 'ussd_ban')}`);
    const debt = await api.put(a, service(debtor!, 'data_night'));
    expect([debt.statusCode, debt.json().error.code]).toEqual([409, 'number_blocked_for_debt']);
    expect(debt.json().error.message).toMatch(/debt/);
    expect((await api.put(a, service(debtor!, 'ussd_ban'))).statusCode).toBe(200);

    const [suspended] = await pick(`n.status = 'suspended' AND ${without('data_night')}`);
    expect((await api.put(a, service(suspended!, 'data_night'))).json().error.code).toBe('number_suspended');

    const [terminated] = await pick(`n.status = 'terminated'`);
    const term = await api.put(a, service(terminated!, 'ussd_ban'));
    expect([term.statusCode, term.json().error.code]).toEqual([409, 'number_terminated']);
    expect(await servicesOf(t, terminated!)).toEqual([]);
  });
});

describe('F18 restrictions among the additional services', () => {
  it('lists the USSD ban, content blocking and hidden caller ID as restrictions in "additional"', async () => {
    const restrictions = (await items(MANUAL)).filter((i) => i.isRestriction);
    expect(restrictions.map((i) => [i.code, i.category])).toEqual([
      ['ussd_ban', 'additional'],
      ['content_block', 'additional'],
      ['hidden_caller_id', 'additional'],
    ]);
  });

  it('toggles restrictions like any service', async () => {
    const [msisdn] = await pick(
      `n.status = 'active' AND n.tariff_code <> 'business_m2m' AND ${without('hidden_caller_id', 'ussd_ban')} AND ${withService('content_block')}`,
    );
    expect((await api.put(a, service(msisdn!, 'hidden_caller_id'))).json()).toMatchObject({
      active: true,
      isRestriction: true,
    });
    expect((await api.put(a, service(msisdn!, 'ussd_ban'))).statusCode).toBe(200);
    expect((await api.del(a, service(msisdn!, 'content_block'))).statusCode).toBe(200);
    const state = await servicesOf(t, msisdn!);
    expect(state).toEqual(expect.arrayContaining(['hidden_caller_id', 'ussd_ban']));
    expect(state).not.toContain('content_block');
  });
});
