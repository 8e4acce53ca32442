import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { actionsFor, client, commandsFor, numberPool } from './helpers/number-management.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let a: Session;
let large: string;
let api: ReturnType<typeof client>;
let pick: ReturnType<typeof numberPool>;
const url = (msisdn: string) => `/api/v1/companies/${large}/numbers/${msisdn}/call-forwardings`;

/** The manual's number: unconditional forwarding to the missed-call service 2050. */
const MANUAL = '77012111415';

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  const companies = (await api.get(a, '/api/v1/companies')).json().items as { id: string; bin: string }[];
  large = companies.find((c) => c.bin === BIN_LARGE)!.id;
  pick = numberPool(t, () => large);
});
afterAll(async () => t?.close());

/** An active number with no forwardings yet. */
const freshNumber = async () =>
  (await pick(`n.status = 'active' AND NOT EXISTS (SELECT 1 FROM call_forwardings f WHERE f.number_id = n.id)`))[0]!;

async function stored(msisdn: string) {
  const { rows } = await t.ctx.db.query<{ type: string; target_msisdn: string | null; service_code: string | null }>(
    `SELECT f.type, f.target_msisdn, f.service_code FROM call_forwardings f JOIN numbers n ON n.id = f.number_id
     WHERE n.msisdn = $1 ORDER BY f.type`,
    [msisdn],
  );
  return rows;
}

describe('F23 call forwarding: list, add, remove', () => {
  it('lists the manual’s forwarding with the service name, and the services calls can go to', async () => {
    const res = await api.get(a, url(MANUAL));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      msisdn: MANUAL,
      items: [
        {
          id: expect.any(String),
          type: 'unconditional',
          direction: 'service',
          targetMsisdn: null,
          service: { code: 'missed_call_2050', name: 'Missed call notification 2050' },
          createdAt: expect.any(String),
        },
      ],
      services: [
        { code: 'missed_call_2050', name: 'Missed call notification 2050' },
        { code: 'voicemail', name: 'Voicemail' },
      ],
      available: true,
      unavailableReason: null,
    });
    const ru = (await api.get(a, url(MANUAL), 'ru')).json();
    expect(ru.items[0].service.name).toBe('Уведомления о пропущенных звонках 2050');
  });

  it('adds forwardings to a number (normalised) and to a service, lists them, removes one', async () => {
    const msisdn = await freshNumber();
    const busy = await api.post(a, url(msisdn), {
      type: 'busy',
      direction: 'number',
      targetMsisdn: '+7 (705) 123-45-67',
    });
    expect(busy.statusCode).toBe(201);
    expect(busy.json()).toMatchObject({
      type: 'busy',
      direction: 'number',
      targetMsisdn: '77051234567',
      service: null,
    });
    const noAnswer = await api.post(a, url(msisdn), {
      type: 'no_answer',
      direction: 'service',
      serviceCode: 'voicemail',
    });
    expect(noAnswer.statusCode).toBe(201);
    expect(noAnswer.json().service).toEqual({ code: 'voicemail', name: 'Voicemail' });
    const list = (await api.get(a, url(msisdn))).json();
    expect(list.items.map((f: { type: string }) => f.type)).toEqual(['busy', 'no_answer']);
    expect(await stored(msisdn)).toEqual([
      { type: 'busy', target_msisdn: '77051234567', service_code: null },
      { type: 'no_answer', target_msisdn: null, service_code: 'voicemail' },
    ]);

    const removed = await api.del(a, `${url(msisdn)}/${busy.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await stored(msisdn)).map((f) => f.type)).toEqual(['no_answer']);

    expect((await actionsFor(t, msisdn)).map((x) => [x.action, x.status, x.details.type])).toEqual([
      ['forwarding.add', 'success', 'busy'],
      ['forwarding.add', 'success', 'no_answer'],
      ['forwarding.remove', 'success', 'busy'],
    ]);
    expect((await commandsFor(t, msisdn)).map((c) => [c.kind, c.status, c.payload.type])).toEqual([
      ['forwarding_add', 'succeeded', 'busy'],
      ['forwarding_add', 'succeeded', 'no_answer'],
      ['forwarding_remove', 'succeeded', 'busy'],
    ]);
  });
});

describe('F23 call forwarding: validation', () => {
  it('needs a valid Kazakhstani mobile number for direction "number", naming the field', async () => {
    const msisdn = await freshNumber();
    // The invalid numbers of spec/test-vectors.json
    for (const targetMsisdn of ['12345', '+7 (495) 123-45-67', '+1 202 555 0100', '770121121011', '+7 701 211 21 0x']) {
      const res = await api.post(a, url(msisdn), { type: 'busy', direction: 'number', targetMsisdn });
      expect(res.statusCode, targetMsisdn).toBe(400);
      expect(res.json().error.details.fields).toEqual([
        { field: 'targetMsisdn', code: 'invalid_msisdn', message: expect.stringMatching(/Kazakhstani mobile/) },
      ]);
    }
    const missing = await api.post(a, url(msisdn), { type: 'busy', direction: 'number' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].field).toBe('targetMsisdn');
    expect(await stored(msisdn)).toEqual([]);
  });

  it('accepts only the forwarding services, and only the four types', async () => {
    const msisdn = await freshNumber();
    const service = await api.post(a, url(msisdn), { type: 'busy', direction: 'service', serviceCode: 'caller_tune' });
    expect(service.statusCode).toBe(400);
    expect(service.json().error.details.fields[0].field).toBe('serviceCode');
    const type = await api.post(a, url(msisdn), { type: 'sometimes', direction: 'service', serviceCode: 'voicemail' });
    expect(type.statusCode).toBe(400);
    expect(type.json().error.details.fields[0].field).toBe('type');
    const mixed = await api.post(a, url(msisdn), {
      type: 'busy',
      direction: 'service',
      serviceCode: 'voicemail',
      targetMsisdn: '77051234567',
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details.fields[0]).toMatchObject({ field: 'targetMsisdn', code: 'field_unknown' });
    const direction = await api.post(a, url(msisdn), { type: 'busy', direction: 'fax' });
    expect(direction.statusCode).toBe(400);
    expect(await stored(msisdn)).toEqual([]);
  });

  it('refuses forwarding a number to itself, in any form', async () => {
    const msisdn = await freshNumber();
    const self = `8 ${msisdn.slice(1, 4)} ${msisdn.slice(4)}`;
    const res = await api.post(a, url(msisdn), { type: 'unreachable', direction: 'number', targetMsisdn: self });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'forwarding_target_is_self',
      details: { fields: [{ field: 'targetMsisdn', code: 'forwarding_target_is_self' }] },
    });
    expect(await stored(msisdn)).toEqual([]);
    const [failure] = await actionsFor(t, msisdn, 'forwarding.add');
    expect(failure).toMatchObject({ status: 'failure', details: { code: 'forwarding_target_is_self' } });
  });
});

describe('F23 call forwarding: conflicts', () => {
  it('refuses a second forwarding of the same type (409), naming it', async () => {
    const msisdn = await freshNumber();
    const body = { type: 'no_answer', direction: 'number', targetMsisdn: '77012112101' };
    expect((await api.post(a, url(msisdn), body)).statusCode).toBe(201);
    const again = await api.post(a, url(msisdn), { type: 'no_answer', direction: 'service', serviceCode: 'voicemail' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('forwarding_type_exists');
    expect(again.json().error.message).toMatch(/«No answer»/);
    const ru = await api.post(a, url(msisdn), body, 'ru');
    expect(ru.json().error.message).toMatch(/«При неответе»/);
    expect(await stored(msisdn)).toHaveLength(1);
  });

  it('refuses a conditional forwarding while an unconditional one is set', async () => {
    for (const type of ['busy', 'no_answer', 'unreachable']) {
      const res = await api.post(a, url(MANUAL), { type, direction: 'number', targetMsisdn: '77012112101' });
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'forwarding_unconditional_active']);
    }
    expect((await stored(MANUAL)).map((f) => f.type)).toEqual(['unconditional']);
  });

  it('refuses an unconditional forwarding while conditional ones are set, naming them', async () => {
    const msisdn = await freshNumber();
    await api.post(a, url(msisdn), { type: 'busy', direction: 'number', targetMsisdn: '77012112101' });
    await api.post(a, url(msisdn), { type: 'unreachable', direction: 'service', serviceCode: 'missed_call_2050' });
    const res = await api.post(a, url(msisdn), {
      type: 'unconditional',
      direction: 'service',
      serviceCode: 'missed_call_2050',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'forwarding_conditional_active',
      details: { existingTypes: ['busy', 'unreachable'] },
    });
    expect(res.json().error.message).toMatch(/When busy, When unreachable/);
    expect((await stored(msisdn)).map((f) => f.type)).toEqual(['busy', 'unreachable']);
  });

  it('allows the unconditional forwarding once the others are removed', async () => {
    const msisdn = await freshNumber();
    const busy = (
      await api.post(a, url(msisdn), { type: 'busy', direction: 'number', targetMsisdn: '77012112101' })
    ).json();
    expect((await api.del(a, `${url(msisdn)}/${busy.id}`)).statusCode).toBe(204);
    const res = await api.post(a, url(msisdn), {
      type: 'unconditional',
      direction: 'service',
      serviceCode: 'missed_call_2050',
    });
    expect(res.statusCode).toBe(201);
  });

  it('changes nothing while the number is blocked, blocked for debt or terminated', async () => {
    for (const [status, code] of [
      ['blocked', 'number_blocked'],
      ['blocked_debt', 'number_blocked_for_debt'],
      ['terminated', 'number_terminated'],
    ]) {
      const [msisdn] = await pick(`n.status = '${status}'`);
      const list = (await api.get(a, url(msisdn!))).json();
      expect(list).toMatchObject({ available: false, unavailableReason: { code } });
      const res = await api.post(a, url(msisdn!), { type: 'busy', direction: 'service', serviceCode: 'voicemail' });
      expect([res.statusCode, res.json().error.code]).toEqual([409, code]);
      expect(await stored(msisdn!)).toEqual(list.items.length ? expect.any(Array) : []);
    }
    const [blockedWith] = await pick(
      `n.status = 'blocked' AND EXISTS (SELECT 1 FROM number_services s WHERE s.number_id = n.id)`,
    );
    await t.ctx.db.query(
      `INSERT INTO call_forwardings (number_id, type, direction, service_code)
       SELECT id, 'busy', 'service', 'voicemail' FROM numbers WHERE msisdn = $1`,
      [blockedWith],
    );
    const [f] = (await api.get(a, url(blockedWith!))).json().items;
    const del = await api.del(a, `${url(blockedWith!)}/${f.id}`);
    expect([del.statusCode, del.json().error.code]).toEqual([409, 'number_blocked']);
    expect(await stored(blockedWith!)).toHaveLength(1);
  });

  it('answers 404 for a forwarding that is not this number’s', async () => {
    const manualId = (await api.get(a, url(MANUAL))).json().items[0].id;
    const other = await freshNumber();
    for (const id of [manualId, '00000000-0000-0000-0000-000000000000', 'not-a-uuid']) {
      const res = await api.del(a, `${url(other)}/${id}`);
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'forwarding_not_found']);
    }
    expect((await stored(MANUAL)).map((f) => f.type)).toEqual(['unconditional']);
  });
});
