import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import type { Jobs } from '../src/jobs/boss.js';
import { t as translate } from '../src/lib/i18n.js';
import { actionsFor, administratorId, client, commandsFor, network, numberPool } from './helpers/number-management.js';
import { type RequestBody, startQueue, statusHistory, waitForRequest, withQueuePaused } from './helpers/requests.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/** F21 SIM replacement, F22 eSIM replacement (issue 6), run by the in-process job queue. */

/** ICCIDs of spec/test-vectors.json. */
const vectors = {
  iccid: {
    valid: [
      '89997022001210685270',
      '89997021540311685615',
      '89997027443765100401',
      '89997025329180225091',
      '89997026320829834673',
      '89997020776655834416',
      '89997029492934526960',
      '89997029220037467653',
    ],
    invalid: [
      '89997022001210685271',
      '8999702200121068527',
      '79997022001210685270',
      '899970220012106852701',
      '8999702200121068527X',
    ],
  },
};

let t: TestApp;
let jobs: Jobs;
let a: Session;
let adminA: string;
let large: string;
let api: ReturnType<typeof client>;
let pick: ReturnType<typeof numberPool>;
const base = (msisdn: string) => `/api/v1/companies/${large}/numbers/${encodeURIComponent(msisdn)}`;

/** Valid ICCIDs from the vectors that no SIM of the demo uses (89997022001210685270 is the manual's card). */
let freeIccids: string[];

beforeAll(async () => {
  t = await createTestApp({ IMEI_REGISTRY_DELAY_MS: '0' });
  jobs = await startQueue(t);
  api = client(t);
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  adminA = await administratorId(t, ADMIN_A_PHONE);
  const companies = (await api.get(a, '/api/v1/companies')).json().items as { id: string; bin: string }[];
  large = companies.find((c) => c.bin === BIN_LARGE)!.id;
  pick = numberPool(t, () => large);
  const { rows } = await t.ctx.db.query<{ iccid: string }>('SELECT iccid FROM sims WHERE iccid = ANY($1)', [
    vectors.iccid.valid,
  ]);
  freeIccids = vectors.iccid.valid.filter((v) => !rows.some((r) => r.iccid === v));
}, 120_000);
afterAll(async () => {
  await jobs?.stop();
  await t?.close();
});

async function sims(msisdn: string) {
  const { rows } = await t.ctx.db.query<{
    iccid: string;
    is_esim: boolean;
    active: boolean;
    replaced_at: Date | null;
    pin1_enc: string;
  }>(
    `SELECT s.iccid, s.is_esim, s.active, s.replaced_at, s.pin1_enc FROM sims s JOIN numbers n ON n.id = s.number_id
     WHERE n.msisdn = $1 ORDER BY s.installed_at, s.active`,
    [msisdn],
  );
  return rows;
}

async function requestCount() {
  return Number((await t.ctx.db.query<{ c: string }>('SELECT count(*) AS c FROM requests')).rows[0]!.c);
}

describe('F21 SIM replacement', () => {
  it('replaces the SIM of an active number through a request: new ICCID, replacement date, new PIN/PUK', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming`);
    const iccid = freeIccids[0]!;
    const before = await sims(msisdn!);
    const oldSecrets = (await api.post(a, `${base(msisdn!)}/sim/secrets`)).json();

    const res = await api.post(a, `${base(msisdn!)}/sim-replacement`, {
      iccid: `${iccid.slice(0, 4)} ${iccid.slice(4)}`,
    });
    expect(res.statusCode).toBe(202);
    const accepted = res.json() as RequestBody;
    expect(accepted).toMatchObject({ kind: 'sim_replacement', status: 'pending', msisdn, params: { iccid } });
    expect(accepted.completedAt).toBeNull();
    expect(res.headers.location).toBe(`/api/v1/companies/${large}/requests/${accepted.id}`);

    const done = await waitForRequest(t, a, large, accepted.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ msisdn, iccid, isEsim: false });
    expect(done.message).toBe(translate('sim_replacement_done', 'en'));
    expect(done.error).toBeNull();
    expect(await statusHistory(t, accepted.id)).toEqual(['pending', 'running', 'succeeded']);
    const ru = await waitForRequest(t, a, large, accepted.id, { lang: 'ru' });
    expect(ru.message).toBe(translate('sim_replacement_done', 'ru'));

    const card = (await api.get(a, `${base(msisdn!)}/sim`)).json();
    expect(card).toMatchObject({ iccid, isEsim: false, secretsAvailable: true });
    expect(card.replacementDate).toBe(done.result!.replacementDate);
    expect(Math.abs(Date.parse(card.replacementDate) - Date.parse(done.completedAt!))).toBeLessThan(60_000);

    const after = await sims(msisdn!);
    expect(after).toHaveLength(before.length + 1);
    const old = after.find((s) => s.iccid === before.find((b) => b.active)!.iccid)!;
    expect(old.active).toBe(false);
    expect(old.replaced_at).not.toBeNull();
    const fresh = after.find((s) => s.iccid === iccid)!;
    expect(fresh.active).toBe(true);
    expect(fresh.pin1_enc).not.toMatch(/^\d+$/); // encrypted at rest

    const secrets = (await api.post(a, `${base(msisdn!)}/sim/secrets`)).json();
    expect(secrets.iccid).toBe(iccid);
    expect(secrets.pin1).toMatch(/^\d{4}$/);
    expect(secrets.pin2).toMatch(/^\d{4}$/);
    expect(secrets.puk1).toMatch(/^\d{8}$/);
    expect(secrets.puk2).toMatch(/^\d{8}$/);
    expect(`${secrets.puk1}${secrets.puk2}`).not.toBe(`${oldSecrets.puk1}${oldSecrets.puk2}`);

    expect((await actionsFor(t, msisdn!, 'sim.replace.request')).map((x) => x.status)).toEqual(['success']);
    const [swap] = await actionsFor(t, msisdn!, 'sim.replace');
    expect(swap).toMatchObject({
      status: 'success',
      administrator_id: adminA,
      company_id: large,
      details: { requestId: accepted.id, iccid },
    });
    expect((await commandsFor(t, msisdn!)).map((c) => [c.kind, c.status, c.payload.iccid])).toEqual([
      ['sim_swap', 'succeeded', iccid],
    ]);
  });

  it.each(vectors.iccid.invalid)('refuses the ICCID %s with a field error, changing nothing', async (iccid) => {
    const [msisdn] = await pick(`n.status = 'active'`);
    const before = await sims(msisdn!);
    const count = await requestCount();
    const res = await api.post(a, `${base(msisdn!)}/sim-replacement`, { iccid });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'invalid_iccid',
      details: { fields: [{ field: 'iccid', code: 'invalid_iccid', message: translate('invalid_iccid', 'en') }] },
    });
    expect(await sims(msisdn!)).toEqual(before);
    expect(await requestCount()).toBe(count);
    expect(await actionsFor(t, msisdn!, 'sim.replace.request')).toMatchObject([
      { status: 'failure', details: { code: 'invalid_iccid' } },
    ]);
  });

  it('names the missing field and refuses unknown ones', async () => {
    const [msisdn] = await pick(`n.status = 'active'`);
    const empty = await api.post(a, `${base(msisdn!)}/sim-replacement`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'iccid', code: 'field_required' }),
    ]);
    const extra = await api.post(a, `${base(msisdn!)}/sim-replacement`, { iccid: freeIccids[1], pin: '1234' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'pin', code: 'field_unknown' }),
    ]);
  });

  it.each(['blocked', 'blocked_debt', 'suspended', 'terminated'])(
    'is only for active numbers (%s refused)',
    async (status) => {
      const [msisdn] = await pick(`n.status = '${status}'`);
      const before = await sims(msisdn!);
      const res = await api.post(a, `${base(msisdn!)}/sim-replacement`, { iccid: freeIccids[1] }, 'ru');
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'sim_replacement_needs_active',
        message: translate('sim_replacement_needs_active', 'ru'),
        details: { status },
      });
      expect(await sims(msisdn!)).toEqual(before);
      expect((await actionsFor(t, msisdn!, 'sim.replace.request')).map((x) => x.status)).toEqual(['failure']);
    },
  );

  it('refuses an ICCID already in use by any number', async () => {
    const [msisdn] = await pick(`n.status = 'active'`);
    const res = await api.post(a, `${base(msisdn!)}/sim-replacement`, { iccid: '89997022001210685270' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'iccid_in_use',
      details: { fields: [{ field: 'iccid', code: 'iccid_in_use' }] },
    });
  });

  it('allows one SIM change at a time, and refuses an ICCID another pending request claims', async () => {
    const [first, second] = await pick(`n.status = 'active' AND NOT n.roaming`, 2);
    const iccid = freeIccids[2]!;
    const pending = await withQueuePaused(t, async () => {
      const res = await api.post(a, `${base(first!)}/sim-replacement`, { iccid });
      expect(res.statusCode).toBe(202);
      const again = await api.post(a, `${base(first!)}/sim-replacement`, { iccid: freeIccids[3] });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('sim_change_in_progress');
      const esim = await api.post(a, `${base(first!)}/esim-orders`, { os: 'ios' });
      const confirm = await api.post(a, `${base(first!)}/esim-orders/${esim.json().id}/confirm`, { confirmed: true });
      expect(confirm.statusCode).toBe(409);
      expect(confirm.json().error.code).toBe('sim_change_in_progress');
      const claimed = await api.post(a, `${base(second!)}/sim-replacement`, { iccid });
      expect(claimed.statusCode).toBe(409);
      expect(claimed.json().error.code).toBe('iccid_in_use');
      return res.json() as RequestBody;
    });
    expect((await waitForRequest(t, a, large, pending.id, { until: () => true })).status).toBe('pending');
    await t.ctx.requestQueue.dispatch(pending.id);
    expect((await waitForRequest(t, a, large, pending.id)).status).toBe('succeeded');
  });

  it('fails the request and leaves the number unchanged when the network refuses the swap', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming`);
    const before = await sims(msisdn!);
    network(t).failMsisdns.add(msisdn!);
    try {
      const res = await api.post(a, `${base(msisdn!)}/sim-replacement`, { iccid: freeIccids[4] });
      expect(res.statusCode).toBe(202);
      const done = await waitForRequest(t, a, large, res.json().id);
      expect(done.status).toBe('failed');
      expect(done.error).toEqual({ code: 'provisioning_failed', message: translate('provisioning_failed', 'en') });
      expect(done.result).toEqual({});
      expect(await statusHistory(t, done.id)).toEqual(['pending', 'running', 'failed']);
    } finally {
      network(t).failMsisdns.delete(msisdn!);
    }
    expect(await sims(msisdn!)).toEqual(before);
    expect(await actionsFor(t, msisdn!, 'sim.replace')).toMatchObject([
      { status: 'failure', administrator_id: adminA, details: { code: 'provisioning_failed', command: 'sim_swap' } },
    ]);
    expect((await commandsFor(t, msisdn!)).map((c) => [c.kind, c.status])).toEqual([['sim_swap', 'failed']]);
    // The ICCID is free again: the administrator may retry.
    const retry = await api.post(a, `${base(msisdn!)}/sim-replacement`, { iccid: freeIccids[4] });
    expect((await waitForRequest(t, a, large, retry.json().id)).status).toBe('succeeded');
  });
});

/** jsqr is CommonJS: its default export is the function (or carries it as `default`). */
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

/** Decodes a PNG data URL's QR code. */
function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('F22 eSIM replacement', () => {
  it('issues an eSIM: GSMA activation code, a QR code of it, valid 1 day, free, steps for the OS', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming AND n.tariff_code IN
      (SELECT code FROM tariffs WHERE esim_allowed)`);
    const res = await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'ios' });
    expect(res.statusCode).toBe(201);
    const order = res.json();
    expect(order).toMatchObject({ msisdn, os: 'ios', status: 'issued', cost: { amount: '0.00', currency: 'KZT' } });
    expect(order.activationCode).toMatch(/^LPA:1\$smdp\.kcell\.kz\$[A-Z0-9]{20}$/);
    expect(order.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(decodeQr(order.qrCode)).toBe(order.activationCode);
    expect(Date.parse(order.expiresAt) - Date.parse(order.createdAt)).toBe(24 * 3600 * 1000);
    expect(order.steps).toEqual([
      translate('esim_step_wifi', 'en'),
      translate('esim_step_ios_settings', 'en'),
      translate('esim_step_ios_scan', 'en'),
      translate('esim_step_ios_activation', 'en'),
    ]);
    expect(order.notice).toContain('valid for 1 day');
    expect(await actionsFor(t, msisdn!, 'esim.issue')).toMatchObject([
      { status: 'success', administrator_id: adminA, details: { os: 'ios', orderId: order.id } },
    ]);

    const android = (await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'android' }, 'kk')).json();
    expect(android.steps).toEqual([
      translate('esim_step_wifi', 'kk'),
      translate('esim_step_android_scan', 'kk'),
      translate('esim_step_android_adding', 'kk'),
    ]);
    expect(android.activationCode).not.toBe(order.activationCode);
    // The newer QR code replaces the unused older one.
    const old = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, { confirmed: true });
    expect(old.statusCode).toBe(410);
    expect(old.json().error.code).toBe('esim_order_expired');
  });

  it('refuses an unknown operating system', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming`);
    const res = await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'symbian' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([expect.objectContaining({ field: 'os' })]);
  });

  it('is not available while roaming, with the manual’s text', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND n.roaming`);
    const res = await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'android' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'esim_roaming',
      message: 'Service is not available while roaming or if your number is blocked.',
    });
    const ru = await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'android' }, 'ru');
    expect(ru.json().error.message).toBe(translate('esim_roaming', 'ru'));
    const { rows } = await t.ctx.db.query(
      'SELECT 1 FROM esim_orders o JOIN numbers n ON n.id = o.number_id WHERE n.msisdn = $1',
      [msisdn],
    );
    expect(rows).toHaveLength(0);
    expect((await actionsFor(t, msisdn!, 'esim.issue')).map((x) => x.status)).toEqual(['failure', 'failure']);
  });

  it.each(['blocked', 'blocked_debt'])(
    'is not available for a %s number: "unlock your number first"',
    async (status) => {
      const [msisdn] = await pick(`n.status = '${status}'`);
      const res = await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'ios' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'esim_number_blocked',
        message:
          'Service is not available while roaming or if your number is blocked. To get an eSIM, unlock your number first.',
      });
    },
  );

  it('is not available on a tariff without eSIM', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming AND n.tariff_code IN
      (SELECT code FROM tariffs WHERE NOT esim_allowed)`);
    const res = await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'ios' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('esim_tariff_not_supported');
  });

  it('switches the number to the eSIM after "I\'m sure the eSIM is set up", once', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming AND NOT n.esim_enabled AND n.tariff_code IN
      (SELECT code FROM tariffs WHERE esim_allowed)`);
    const before = await sims(msisdn!);
    const order = (await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'android' })).json();

    const unticked = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, { confirmed: false });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.json().error).toMatchObject({
      code: 'esim_confirmation_required',
      details: { fields: [{ field: 'confirmed', code: 'esim_confirmation_required' }] },
    });
    const empty = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields).toEqual([expect.objectContaining({ field: 'confirmed' })]);
    expect(await sims(msisdn!)).toEqual(before);

    const res = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, { confirmed: true });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ kind: 'esim_replacement', status: 'pending', params: { orderId: order.id } });
    const done = await waitForRequest(t, a, large, res.json().id);
    expect(done.status).toBe('succeeded');
    expect(done.message).toBe('Done! You have successfully replaced the eSIM.');
    expect(done.note).toContain('reboot the phone');
    expect(done.note).toContain('register the IMEI code');
    const kk = await waitForRequest(t, a, large, done.id, { lang: 'kk' });
    expect(kk.note).toBe(translate('esim_replacement_note', 'kk'));

    const card = (await api.get(a, `${base(msisdn!)}/sim`)).json();
    expect(card).toMatchObject({
      isEsim: true,
      iccid: done.result!.iccid,
      replacementDate: done.result!.replacementDate,
    });
    expect(card.iccid).toMatch(/^89997\d{15}$/);
    expect(card.iccid).not.toBe(before.find((s) => s.active)!.iccid);
    const details = (await api.get(a, base(msisdn!))).json();
    expect(details.generalInformation.esimEnabled).toBe(true);
    const secrets = (await api.post(a, `${base(msisdn!)}/sim/secrets`)).json();
    expect(secrets.pin1).toMatch(/^\d{4}$/);
    expect((await commandsFor(t, msisdn!)).map((c) => [c.kind, c.status, c.payload.activationCode])).toEqual([
      ['esim_swap', 'succeeded', order.activationCode],
    ]);
    expect((await actionsFor(t, msisdn!, 'esim.confirm')).map((x) => x.status)).toEqual(['failure', 'success']);
    expect(await actionsFor(t, msisdn!, 'esim.replace')).toMatchObject([
      { status: 'success', administrator_id: adminA, details: { requestId: done.id, orderId: order.id } },
    ]);

    const twice = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, { confirmed: true });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('esim_order_already_confirmed');
    expect(await sims(msisdn!)).toHaveLength(before.length + 1);
  });

  it('refuses an expired QR code ("issue again") and changes nothing', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming AND n.tariff_code IN
      (SELECT code FROM tariffs WHERE esim_allowed)`);
    const before = await sims(msisdn!);
    const order = (await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'ios' })).json();
    await t.ctx.db.query(
      `UPDATE esim_orders SET created_at = created_at - interval '1 day', expires_at = now() - interval '1 second'
       WHERE id = $1`,
      [order.id],
    );
    const count = await requestCount();
    const res = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, { confirmed: true });
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toMatchObject({
      code: 'esim_order_expired',
      message: "The QR code has expired (it is valid for 1 day). Select 'Issue eSIM' again.",
    });
    expect(await sims(msisdn!)).toEqual(before);
    expect(await requestCount()).toBe(count);
  });

  it('refuses to confirm once the number got blocked or went roaming', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming AND n.tariff_code IN
      (SELECT code FROM tariffs WHERE esim_allowed)`);
    const order = (await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'ios' })).json();
    await t.ctx.db.query('UPDATE numbers SET roaming = true WHERE msisdn = $1', [msisdn]);
    const roaming = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, { confirmed: true });
    expect(roaming.json().error.code).toBe('esim_roaming');
    await t.ctx.db.query(`UPDATE numbers SET roaming = false, status = 'blocked' WHERE msisdn = $1`, [msisdn]);
    const blocked = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, { confirmed: true });
    expect(blocked.json().error.code).toBe('esim_number_blocked');
  });

  it('answers 404 for an order of another number or an unknown one', async () => {
    const [one, other] = await pick(
      `n.status = 'active' AND NOT n.roaming AND n.tariff_code IN
      (SELECT code FROM tariffs WHERE esim_allowed)`,
      2,
    );
    const order = (await api.post(a, `${base(one!)}/esim-orders`, { os: 'ios' })).json();
    const foreign = await api.post(a, `${base(other!)}/esim-orders/${order.id}/confirm`, { confirmed: true });
    expect(foreign.statusCode).toBe(404);
    const unknown = await api.post(a, `${base(one!)}/esim-orders/not-an-id/confirm`, { confirmed: true });
    expect(unknown.statusCode).toBe(404);
  });

  it('fails the switch when the network refuses it: the order fails, the SIM stays', async () => {
    const [msisdn] = await pick(`n.status = 'active' AND NOT n.roaming AND n.tariff_code IN
      (SELECT code FROM tariffs WHERE esim_allowed)`);
    const before = await sims(msisdn!);
    const order = (await api.post(a, `${base(msisdn!)}/esim-orders`, { os: 'ios' })).json();
    network(t).failMsisdns.add(msisdn!);
    try {
      const res = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, { confirmed: true });
      const done = await waitForRequest(t, a, large, res.json().id);
      expect(done).toMatchObject({ status: 'failed', error: { code: 'provisioning_failed' }, note: null });
    } finally {
      network(t).failMsisdns.delete(msisdn!);
    }
    expect(await sims(msisdn!)).toEqual(before);
    const again = await api.post(a, `${base(msisdn!)}/esim-orders/${order.id}/confirm`, { confirmed: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('esim_order_failed');
    expect(await actionsFor(t, msisdn!, 'esim.replace')).toMatchObject([
      { status: 'failure', details: { code: 'provisioning_failed' } },
    ]);
  });
});
