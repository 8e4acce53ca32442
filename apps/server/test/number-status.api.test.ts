import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import {
  actionsFor,
  administratorId,
  client,
  commandsFor,
  network,
  numberPool,
  numberStatus,
  servicesOf,
} from './helpers/number-management.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let a: Session;
let adminA: string;
let large: string;
let api: ReturnType<typeof client>;
let pickNumbers: ReturnType<typeof numberPool>;
const base = (msisdn: string) => `/api/v1/companies/${large}/numbers/${encodeURIComponent(msisdn)}`;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  pickNumbers = numberPool(t, () => large);
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  adminA = await administratorId(t, ADMIN_A_PHONE);
  const companies = (await api.get(a, '/api/v1/companies')).json().items as { id: string; bin: string }[];
  large = companies.find((c) => c.bin === BIN_LARGE)!.id;
});
afterAll(async () => t?.close());

async function history(msisdn: string) {
  const { rows } = await t.ctx.db.query<{ status: string; changed_by: string; administrator_id: string | null }>(
    `SELECT h.status, h.changed_by, h.administrator_id FROM number_status_history h
     JOIN numbers n ON n.id = h.number_id WHERE n.msisdn = $1 ORDER BY h.changed_at, h.id`,
    [msisdn],
  );
  return rows;
}

describe('F20 block / unblock', () => {
  it('blocks an active number, then unblocks it: status, date, status history, actions history', async () => {
    const [msisdn] = await pickNumbers("n.status = 'active'");
    const before = (await history(msisdn!)).length;

    const blocked = await api.post(a, `${base(msisdn!)}/block`);
    expect(blocked.statusCode).toBe(200);
    expect(blocked.json()).toMatchObject({
      msisdn,
      status: 'blocked',
      previousStatus: 'active',
      message: 'Status has been successfully changed',
    });
    const stored = await numberStatus(t, msisdn!);
    expect(stored).toEqual({ status: 'blocked', changed: blocked.json().statusChangedAt });
    expect(Date.now() - Date.parse(stored.changed)).toBeLessThan(60_000);
    const profile = (await api.get(a, base(msisdn!))).json();
    expect(profile).toMatchObject({ status: 'blocked', statusChangedAt: stored.changed });

    const unblocked = await api.post(a, `${base(msisdn!)}/unblock`, undefined, 'ru');
    expect(unblocked.statusCode).toBe(200);
    expect(unblocked.json()).toMatchObject({
      status: 'active',
      previousStatus: 'blocked',
      message: 'Статус успешно изменён',
    });
    expect((await numberStatus(t, msisdn!)).status).toBe('active');

    const added = (await history(msisdn!)).slice(before);
    expect(added).toEqual([
      { status: 'blocked', changed_by: 'administrator', administrator_id: adminA },
      { status: 'active', changed_by: 'administrator', administrator_id: adminA },
    ]);
    const actions = await actionsFor(t, msisdn!);
    expect(actions.map((x) => [x.action, x.status, x.administrator_id, x.company_id])).toEqual([
      ['number.block', 'success', adminA, large],
      ['number.unblock', 'success', adminA, large],
    ]);
    expect((await commandsFor(t, msisdn!)).map((c) => [c.kind, c.status])).toEqual([
      ['block', 'succeeded'],
      ['unblock', 'succeeded'],
    ]);
  });

  it('accepts the number in any usual form and answers with the normalised one', async () => {
    const [msisdn] = await pickNumbers("n.status = 'active' AND n.msisdn LIKE '7701%'");
    const pretty = `+7 (${msisdn!.slice(1, 4)}) ${msisdn!.slice(4, 7)}-${msisdn!.slice(7, 9)}-${msisdn!.slice(9)}`;
    const res = await api.post(a, `${base(pretty)}/block`);
    expect(res.statusCode).toBe(200);
    expect(res.json().msisdn).toBe(msisdn);
    const again = await api.post(a, `${base(`8${msisdn!.slice(1)}`)}/unblock`);
    expect(again.statusCode).toBe(200);
  });

  it('refuses to block a blocked number and to unblock an active one, with clear codes', async () => {
    const [blocked] = await pickNumbers("n.status = 'blocked'");
    const [active] = await pickNumbers("n.status = 'active'");
    const before = await numberStatus(t, blocked!);
    const res = await api.post(a, `${base(blocked!)}/block`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('number_already_blocked');
    expect(await numberStatus(t, blocked!)).toEqual(before);
    const res2 = await api.post(a, `${base(active!)}/unblock`);
    expect(res2.statusCode).toBe(409);
    expect(res2.json().error.code).toBe('number_not_blocked');
    expect((await numberStatus(t, active!)).status).toBe('active');
  });

  it('refuses to unblock a number blocked for debt, says why in the caller’s language, and records the failure', async () => {
    const [debtor] = await pickNumbers("n.status = 'blocked_debt'");
    const before = await numberStatus(t, debtor!);
    const historyBefore = await history(debtor!);
    const en = await api.post(a, `${base(debtor!)}/unblock`);
    expect(en.statusCode).toBe(409);
    expect(en.json().error.code).toBe('number_blocked_for_debt');
    expect(en.json().error.message).toMatch(/blocked by the operator for debt/i);
    expect(en.json().error.message).toMatch(/pay the debt/i);
    const ru = await api.post(a, `${base(debtor!)}/unblock`, undefined, 'ru');
    expect(ru.json().error.message).toMatch(/задолженност/);
    const kk = await api.post(a, `${base(debtor!)}/unblock`, undefined, 'kk');
    expect(kk.json().error.message).toMatch(/берешек/);
    expect(await numberStatus(t, debtor!)).toEqual(before);
    expect(await history(debtor!)).toEqual(historyBefore);
    const actions = await actionsFor(t, debtor!, 'number.unblock');
    expect(actions).toHaveLength(3);
    expect(actions[0]).toMatchObject({ status: 'failure', administrator_id: adminA, company_id: large });
    expect(actions[0]!.details.code).toBe('number_blocked_for_debt');
    expect(await commandsFor(t, debtor!)).toEqual([]);
    // Blocking it again is refused the same way: the operator's block stays the operator's.
    const block = await api.post(a, `${base(debtor!)}/block`);
    expect(block.json().error.code).toBe('number_blocked_for_debt');
  });

  it('refuses suspended and terminated numbers with their own codes', async () => {
    const [suspended] = await pickNumbers("n.status = 'suspended'");
    const [terminated] = await pickNumbers("n.status = 'terminated'");
    for (const op of ['block', 'unblock']) {
      const s = await api.post(a, `${base(suspended!)}/${op}`);
      expect([s.statusCode, s.json().error.code]).toEqual([409, 'number_suspended']);
      const x = await api.post(a, `${base(terminated!)}/${op}`);
      expect([x.statusCode, x.json().error.code]).toEqual([409, 'number_terminated']);
    }
    expect((await numberStatus(t, suspended!)).status).toBe('suspended');
    expect((await numberStatus(t, terminated!)).status).toBe('terminated');
  });

  it('needs the CSRF token of the session (a cookie alone cannot change a status)', async () => {
    const [msisdn] = await pickNumbers("n.status = 'active'");
    const res = await t.app.inject({ method: 'POST', url: `${base(msisdn!)}/block`, headers: { cookie: a.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect((await numberStatus(t, msisdn!)).status).toBe('active');
  });

  it('answers 404 for a number that is not the company’s or is not a number', async () => {
    for (const m of ['77079999999', 'abc']) {
      const res = await api.post(a, `${base(m)}/block`);
      expect(res.statusCode).toBe(404);
    }
  });
});

describe('O5 network provisioning: a command the network does not confirm changes nothing', () => {
  it('a failed block leaves the number active, adds no status history, is recorded, answers 502', async () => {
    const [msisdn] = await pickNumbers("n.status = 'active'");
    const before = await numberStatus(t, msisdn!);
    const historyBefore = await history(msisdn!);
    network(t).failMsisdns.add(msisdn!);
    try {
      const res = await api.post(a, `${base(msisdn!)}/block`);
      expect(res.statusCode).toBe(502);
      expect(res.json().error.code).toBe('provisioning_failed');
      expect(res.json().error.message).toMatch(/nothing has been changed/);
      const ru = await api.post(a, `${base(msisdn!)}/block`, undefined, 'ru');
      expect(ru.json().error.message).toMatch(/ничего не изменено/);
    } finally {
      network(t).failMsisdns.delete(msisdn!);
    }
    expect(await numberStatus(t, msisdn!)).toEqual(before);
    expect(await history(msisdn!)).toEqual(historyBefore);
    const actions = await actionsFor(t, msisdn!, 'number.block');
    expect(actions.map((x) => [x.status, x.details.code, x.details.command])).toEqual([
      ['failure', 'provisioning_failed', 'block'],
      ['failure', 'provisioning_failed', 'block'],
    ]);
    const commands = await commandsFor(t, msisdn!);
    expect(commands.map((c) => [c.kind, c.status, c.company_id])).toEqual([
      ['block', 'failed', large],
      ['block', 'failed', large],
    ]);
    expect(commands[0]!.error).toMatch(/simulated network failure/);

    // Once the network answers again, the same request goes through.
    const ok = await api.post(a, `${base(msisdn!)}/block`);
    expect(ok.statusCode).toBe(200);
    expect((await commandsFor(t, msisdn!)).at(-1)).toMatchObject({ kind: 'block', status: 'succeeded' });
  });

  it('a failed service activation leaves the services as they were', async () => {
    const [msisdn] = await pickNumbers(
      "n.status = 'active' AND NOT EXISTS (SELECT 1 FROM number_services s WHERE s.number_id = n.id AND s.service_code = 'voicemail') AND n.tariff_code <> 'business_m2m'",
    );
    const before = await servicesOf(t, msisdn!);
    network(t).failMsisdns.add(msisdn!);
    try {
      const res = await api.put(a, `${base(msisdn!)}/services/voicemail`);
      expect([res.statusCode, res.json().error.code]).toEqual([502, 'provisioning_failed']);
    } finally {
      network(t).failMsisdns.delete(msisdn!);
    }
    expect(await servicesOf(t, msisdn!)).toEqual(before);
    const [action] = await actionsFor(t, msisdn!, 'service.activate');
    expect(action).toMatchObject({ status: 'failure', details: { service: 'voicemail', code: 'provisioning_failed' } });
    expect((await commandsFor(t, msisdn!)).map((c) => [c.kind, c.status, c.payload.serviceCode])).toEqual([
      ['service_activate', 'failed', 'voicemail'],
    ]);
  });

  it('a failed forwarding change leaves the forwardings as they were', async () => {
    const msisdn = '77012111415'; // the manual's number: unconditional forwarding to 2050
    const list = (await api.get(a, `${base(msisdn)}/call-forwardings`)).json();
    expect(list.items).toHaveLength(1);
    network(t).failMsisdns.add(msisdn);
    try {
      const res = await api.del(a, `${base(msisdn)}/call-forwardings/${list.items[0].id}`);
      expect([res.statusCode, res.json().error.code]).toEqual([502, 'provisioning_failed']);
    } finally {
      network(t).failMsisdns.delete(msisdn);
    }
    expect((await api.get(a, `${base(msisdn)}/call-forwardings`)).json().items).toEqual(list.items);
    const [action] = await actionsFor(t, msisdn, 'forwarding.remove');
    expect(action).toMatchObject({ status: 'failure', details: { code: 'provisioning_failed' } });
  });

  it('waits for the network: the simulator’s delay is part of the request', async () => {
    const [msisdn] = await pickNumbers("n.status = 'active'");
    network(t).delayMs = 120;
    try {
      const started = Date.now();
      const res = await api.post(a, `${base(msisdn!)}/block`);
      expect(res.statusCode).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      network(t).delayMs = 0;
    }
  });
});

describe('F10 tariffs of the company (numbers list filter)', () => {
  it('lists the tariffs of the company’s numbers with their counts', async () => {
    const res = await api.get(a, `/api/v1/companies/${large}/tariffs`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string; numbersCount: number }[];
    const { rows } = await t.ctx.db.query<{ code: string; c: string }>(
      'SELECT tariff_code AS code, count(*) AS c FROM numbers WHERE company_id = $1 GROUP BY 1',
      [large],
    );
    expect(items.map((i) => [i.code, i.numbersCount]).sort()).toEqual(rows.map((r) => [r.code, Number(r.c)]).sort());
    expect(items.find((i) => i.code === 'kart_blansh_plus_1000')?.name).toBe('Карт Бланш+ 1000');
    // Every listed tariff filters the numbers list to something.
    const filtered = (await api.get(a, `/api/v1/companies/${large}/numbers?tariff=${items[0]!.code}`)).json();
    expect(filtered.items.length).toBeGreaterThan(0);
  });
});
