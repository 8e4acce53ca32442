import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, ADMIN_B_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import type { Jobs } from '../src/jobs/boss.js';
import { t as translate } from '../src/lib/i18n.js';
import { formatMsisdn, luhnCheckDigit } from '../src/lib/identifiers.js';
import { actionsFor, administratorId, client, numberPool } from './helpers/number-management.js';
import { type RequestBody, startQueue, statusHistory, waitForRequest, withQueuePaused } from './helpers/requests.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * F24 device registration, F25 re-registration, F26 duplicate registration with the national IMEI
 * registry simulator (O3), answered by the in-process job queue (IMEI_REGISTRY_DELAY_MS=0 here;
 * requests.api.test.ts runs it with a delay and across restarts).
 */
const IMEI = {
  valid14: ['35367807651154', '86931904650265', '35400310539693'],
  valid15: ['353678076511548', '869319046502658', '354003105396937'],
  invalid: ['3536780765115', '3536780765115400', '353678076511549', '35367807651154X'],
};
const BIN = {
  valid: ['041058570298', '380941750451', '360749989819'],
  invalid: ['123456789012', '750750750750', '12345678901', '041058570299'],
};
const IIN_VALID = '901202377949';

let t: TestApp;
let jobs: Jobs;
let a: Session;
let b: Session;
let adminA: string;
let large: string;
let companyB: string;
let api: ReturnType<typeof client>;
let pick: ReturnType<typeof numberPool>;
const base = (msisdn: string, company = large) => `/api/v1/companies/${company}/numbers/${encodeURIComponent(msisdn)}`;

/** A fresh IMEI (TAC 35999901) whose last digit picks the simulator's rule for unseen IMEIs. */
let serial = 100;
function freshImei(last: number, tac = '35999901'): string {
  serial += 1;
  return `${tac}${String(serial).padStart(5, '0')}${last}`;
}

/** A number with no registration history: a device of its own. */
const fresh = (count = 1) =>
  pick(`n.status = 'active' AND NOT EXISTS (SELECT 1 FROM device_registrations d WHERE d.number_id = n.id)`, count);

beforeAll(async () => {
  t = await createTestApp({ IMEI_REGISTRY_DELAY_MS: '0' });
  jobs = await startQueue(t);
  api = client(t);
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  b = await login(t, ADMIN_B_PHONE, DEMO_PASSWORD);
  adminA = await administratorId(t, ADMIN_A_PHONE);
  const companies = (await api.get(a, '/api/v1/companies')).json().items as { id: string; bin: string }[];
  large = companies.find((c) => c.bin === BIN_LARGE)!.id;
  companyB = (await api.get(b, '/api/v1/companies')).json().items[0].id;
  pick = numberPool(t, () => large);
}, 120_000);
afterAll(async () => {
  await jobs?.stop();
  await t?.close();
});

async function register(s: Session, msisdn: string, body: Record<string, unknown>, company = large, lang = 'en') {
  return api.post(s, `${base(msisdn, company)}/device-registrations`, body, lang);
}

async function registerAndWait(msisdn: string, body: Record<string, unknown>): Promise<RequestBody> {
  const res = await register(a, msisdn, body);
  expect(res.statusCode, res.body).toBe(202);
  return waitForRequest(t, a, large, res.json().id);
}

async function smsFor(requestId: string) {
  const { rows } = await t.ctx.db.query<{ recipient: string; body: string; language: string; channel: string }>(
    'SELECT recipient, body, language, channel FROM outbox_messages WHERE dedupe_key = $1',
    [`imei-result:${requestId}`],
  );
  return rows;
}

async function registrationRows(msisdn: string) {
  const { rows } = await t.ctx.db.query<{ imei: string; kind: string; state: string }>(
    `SELECT d.imei, d.kind, d.state FROM device_registrations d JOIN numbers n ON n.id = d.number_id
     WHERE n.msisdn = $1 ORDER BY d.requested_at`,
    [msisdn],
  );
  return rows;
}

const setDetected = (msisdn: string, imei: string) =>
  t.ctx.db.query('UPDATE numbers SET last_detected_imei = $2 WHERE msisdn = $1', [msisdn, imei]);

describe('F24 device registration: status and request history', () => {
  it('shows the manual’s registered device', async () => {
    const res = await api.get(a, `${base('77011441876')}/device`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      msisdn: '77011441876',
      lastDetectedImei: '86931904650265',
      registrationStatus: 'registered',
      registeredImei: '86931904650265',
      registeredImeis: ['86931904650265'],
      lastOutcome: 'registered',
      pendingRequestId: null,
      history: [{ imei: '86931904650265', kind: 'register', state: 'registered' }],
    });
  });

  it('shows the manual’s request history: date, IMEI, state — newest first', async () => {
    const res = (await api.get(a, `${base('77022522931')}/device`)).json();
    expect(res).toMatchObject({
      lastDetectedImei: '35400310539693',
      registrationStatus: 'not_registered',
      registeredImei: null,
      registeredImeis: [],
      lastOutcome: 'removed',
    });
    // 29.01.2025 11:59, 10:15; 28.01.2025 16:52, 16:37 Almaty time (UTC+5)
    expect(res.history.map((h: { date: string; state: string }) => [h.date, h.state])).toEqual([
      ['2025-01-29T06:59:00.000Z', 'removed'],
      ['2025-01-29T05:15:00.000Z', 'registered'],
      ['2025-01-28T11:52:00.000Z', 'removed'],
      ['2025-01-28T11:37:00.000Z', 'registered'],
    ]);
    const page1 = (await api.get(a, `${base('77022522931')}/device-registrations?limit=3`)).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (
      await api.get(a, `${base('77022522931')}/device-registrations?limit=3&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2).toMatchObject({ items: [{ date: '2025-01-28T11:37:00.000Z' }], nextCursor: null });
    const bad = await api.get(a, `${base('77022522931')}/device-registrations?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_cursor');
  });
});

describe('F24 register and remove', () => {
  it('registers a device: 202 request, the registry’s answer, status, history, one SMS, actions', async () => {
    const [msisdn] = await fresh();
    const imei = freshImei(3);
    await setDetected(msisdn!, imei);
    expect((await api.get(a, `${base(msisdn!)}/device`)).json().registrationStatus).toBe('not_registered');

    const res = await register(a, msisdn!, { imei, kind: 'register' });
    expect(res.statusCode).toBe(202);
    const accepted = res.json() as RequestBody;
    expect(accepted).toMatchObject({ kind: 'device_register', status: 'pending', msisdn, params: { imei } });
    expect(res.headers.location).toBe(`/api/v1/companies/${large}/requests/${accepted.id}`);

    const done = await waitForRequest(t, a, large, accepted.id);
    const params = { imei, msisdn: formatMsisdn(msisdn!) };
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { imei, kind: 'register', outcome: 'registered', state: 'registered' },
      message: translate('imei_registered', 'en', params),
      error: null,
    });
    expect(await statusHistory(t, done.id)).toEqual(['pending', 'running', 'succeeded']);

    const status = (await api.get(a, `${base(msisdn!)}/device`)).json();
    expect(status).toMatchObject({
      lastDetectedImei: imei,
      registrationStatus: 'registered',
      registeredImei: imei,
      lastOutcome: 'registered',
      history: [{ imei, kind: 'register', state: 'registered', requestId: done.id }],
    });

    // The administrator who asked (A, Russian) gets one SMS with the result.
    expect(await smsFor(done.id)).toEqual([
      { recipient: ADMIN_A_PHONE, channel: 'sms', language: 'ru', body: translate('imei_registered', 'ru', params) },
    ]);
    expect((await actionsFor(t, msisdn!, 'device.register.request')).map((x) => x.status)).toEqual(['success']);
    expect(await actionsFor(t, msisdn!, 'device.register')).toMatchObject([
      { status: 'success', administrator_id: adminA, company_id: large, details: { imei, outcome: 'registered' } },
    ]);

    // Running the job again (a retry, a sweep) changes nothing and sends nothing more.
    await t.ctx.requestQueue.dispatch(done.id);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await statusHistory(t, done.id)).toEqual(['pending', 'running', 'succeeded']);
    expect(await smsFor(done.id)).toHaveLength(1);
    expect(await registrationRows(msisdn!)).toEqual([{ imei, kind: 'register', state: 'registered' }]);
  });

  it('accepts 15 digits with a valid check digit and stores the 14', async () => {
    const [msisdn] = await fresh();
    const done = await registerAndWait(msisdn!, { imei: IMEI.valid15[2] });
    expect(done.params.imei).toBe(IMEI.valid14[2]);
    expect(await registrationRows(msisdn!)).toEqual([{ imei: IMEI.valid14[2], kind: 'register', state: 'registered' }]);
    const own = `${'35999902'}${'12345'}`;
    const withLuhn = `${own}7${luhnCheckDigit(`${own}7`)}`;
    const [other] = await fresh();
    expect(
      (await registerAndWait(other!, { imei: ` ${withLuhn.slice(0, 8)}-${withLuhn.slice(8)} ` })).params.imei,
    ).toBe(`${own}7`);
  });

  it.each(IMEI.invalid)('refuses the IMEI %s (length or check digit) with a field error', async (imei) => {
    const [msisdn] = await fresh();
    const count = (await t.ctx.db.query('SELECT id FROM requests')).rows.length;
    const res = await register(a, msisdn!, { imei, kind: 'register' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'invalid_imei',
      details: { fields: [{ field: 'imei', code: 'invalid_imei', message: translate('invalid_imei', 'en') }] },
    });
    expect(await registrationRows(msisdn!)).toEqual([]);
    expect((await t.ctx.db.query('SELECT id FROM requests')).rows.length).toBe(count);
    expect(await actionsFor(t, msisdn!, 'device.register.request')).toMatchObject([
      { status: 'failure', details: { code: 'invalid_imei' } },
    ]);
  });

  it('names missing and unknown fields', async () => {
    const [msisdn] = await fresh();
    const empty = await register(a, msisdn!, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'imei', code: 'field_required' }),
    ]);
    const kind = await register(a, msisdn!, { imei: freshImei(1), kind: 'steal' });
    expect(kind.json().error.details.fields).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('refuses a device already registered with the number, and a second request while one is pending', async () => {
    const [msisdn] = await fresh();
    const imei = freshImei(2);
    await registerAndWait(msisdn!, { imei });
    const again = await register(a, msisdn!, { imei });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('device_already_registered');

    const other = freshImei(2);
    const pending = await withQueuePaused(t, async () => {
      const first = await register(a, msisdn!, { imei: other });
      expect(first.statusCode).toBe(202);
      const second = await register(a, msisdn!, { imei: other });
      expect(second.statusCode).toBe(409);
      expect(second.json().error).toMatchObject({ code: 'device_request_pending', details: { imei: other } });
      await setDetected(msisdn!, other);
      const status = (await api.get(a, `${base(msisdn!)}/device`)).json();
      expect(status).toMatchObject({ registrationStatus: 'pending', pendingRequestId: first.json().id });
      expect(status.history[0]).toMatchObject({ imei: other, state: 'pending', completedAt: null });
      return first.json() as RequestBody;
    });
    await t.ctx.requestQueue.dispatch(pending.id);
    expect((await waitForRequest(t, a, large, pending.id)).status).toBe('succeeded');
    expect((await api.get(a, `${base(msisdn!)}/device`)).json().registeredImeis).toEqual([other, imei]);
  });

  it('removes a registration, and refuses to remove one that does not exist', async () => {
    const [msisdn] = await fresh();
    const imei = freshImei(4);
    await setDetected(msisdn!, imei);
    await registerAndWait(msisdn!, { imei });

    const res = await api.del(a, `${base(msisdn!)}/device-registrations/${imei}`);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ kind: 'device_remove', status: 'pending', params: { imei, kind: 'remove' } });
    const done = await waitForRequest(t, a, large, res.json().id);
    expect(done).toMatchObject({ status: 'succeeded', result: { outcome: 'removed', state: 'removed' } });
    const status = (await api.get(a, `${base(msisdn!)}/device`)).json();
    expect(status).toMatchObject({
      registrationStatus: 'not_registered',
      registeredImei: null,
      lastOutcome: 'removed',
    });
    expect(status.history.map((h: { kind: string; state: string }) => [h.kind, h.state])).toEqual([
      ['remove', 'removed'],
      ['register', 'registered'],
    ]);
    expect((await smsFor(done.id))[0]!.body).toBe(
      translate('imei_removed', 'ru', { imei, msisdn: formatMsisdn(msisdn!) }),
    );
    expect((await actionsFor(t, msisdn!, 'device.remove')).map((x) => x.status)).toEqual(['success']);

    const gone = await api.del(a, `${base(msisdn!)}/device-registrations/${imei}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('device_not_registered');
    const bad = await api.del(a, `${base(msisdn!)}/device-registrations/12345`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual([expect.objectContaining({ field: 'imei', code: 'invalid_imei' })]);
  });

  it('answers invalid for an IMEI the registry does not accept (TAC 00…)', async () => {
    const [msisdn] = await fresh();
    const imei = freshImei(1, '00123456');
    const done = await registerAndWait(msisdn!, { imei });
    expect(done).toMatchObject({
      status: 'failed',
      result: { outcome: 'invalid', state: 'invalid' },
      error: {
        code: 'imei_invalid',
        message: translate('imei_invalid', 'en', { imei, msisdn: formatMsisdn(msisdn!) }),
      },
    });
    expect(await registrationRows(msisdn!)).toEqual([{ imei, kind: 'register', state: 'invalid' }]);
    expect(await actionsFor(t, msisdn!, 'device.register')).toMatchObject([
      { status: 'failure', details: { outcome: 'invalid' } },
    ]);
    expect(await smsFor(done.id)).toHaveLength(1);
  });

  it('sends the result SMS to the administrator who asked, in their language', async () => {
    const { rows } = await t.ctx.db.query<{ msisdn: string }>(
      `SELECT msisdn FROM numbers WHERE company_id = $1 AND status = 'active' ORDER BY msisdn LIMIT 1`,
      [companyB],
    );
    const msisdn = rows[0]!.msisdn;
    const imei = freshImei(5);
    const res = await register(b, msisdn, { imei }, companyB, 'ru');
    expect(res.statusCode).toBe(202);
    const done = await waitForRequest(t, b, companyB, res.json().id);
    expect(done.status).toBe('succeeded');
    expect(await smsFor(done.id)).toEqual([
      {
        recipient: ADMIN_B_PHONE,
        channel: 'sms',
        language: 'en',
        body: translate('imei_registered', 'en', { imei, msisdn: formatMsisdn(msisdn) }),
      },
    ]);
  });
});

describe('F25 re-registration', () => {
  it('answers "registered to another owner", then moves the device after re-registration', async () => {
    const [msisdn] = await fresh();
    const imei = freshImei(8);
    await setDetected(msisdn!, imei);
    const first = await registerAndWait(msisdn!, { imei });
    const params = { imei, msisdn: formatMsisdn(msisdn!) };
    expect(first).toMatchObject({
      status: 'failed',
      result: { outcome: 'needs_reregistration', state: 'needs_reregistration' },
      error: { code: 'imei_needs_reregistration', message: translate('imei_needs_reregistration', 'en', params) },
    });
    expect((await smsFor(first.id))[0]!.body).toBe(translate('imei_needs_reregistration', 'ru', params));
    expect((await api.get(a, `${base(msisdn!)}/device`)).json()).toMatchObject({
      registrationStatus: 'not_registered',
      lastOutcome: 'needs_reregistration',
    });

    const done = await registerAndWait(msisdn!, {
      imei,
      kind: 'reregister',
      previousOwner: { msisdn: '+7 701 211 52 99', iinBin: IIN_VALID },
      termsAccepted: true,
    });
    expect(done).toMatchObject({
      kind: 'device_reregister',
      status: 'succeeded',
      params: { imei, kind: 'reregister', previousOwner: { msisdn: '77012115299', iinBin: IIN_VALID } },
      result: { outcome: 'registered' },
    });
    expect((await api.get(a, `${base(msisdn!)}/device`)).json()).toMatchObject({
      registrationStatus: 'registered',
      registeredImei: imei,
      lastOutcome: 'registered',
    });
    const { rows } = await t.ctx.db.query(
      `SELECT previous_owner_msisdn, previous_owner_iin_bin FROM device_registrations WHERE request_id = $1`,
      [done.id],
    );
    expect(rows[0]).toEqual({ previous_owner_msisdn: '77012115299', previous_owner_iin_bin: IIN_VALID });
    expect(await actionsFor(t, msisdn!, 'device.reregister')).toMatchObject([
      { status: 'success', details: { imei, outcome: 'registered' } },
    ]);
  });

  it('needs the previous owner: a valid number and an IIN/BIN with a valid check digit', async () => {
    const [msisdn] = await fresh();
    const imei = freshImei(8);
    const body = { imei, kind: 'reregister', termsAccepted: true };
    const none = await register(a, msisdn!, body);
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({
      code: 'previous_owner_required',
      details: { fields: [{ field: 'previousOwner', code: 'previous_owner_required' }] },
    });
    for (const iinBin of BIN.invalid) {
      const res = await register(a, msisdn!, { ...body, previousOwner: { msisdn: '77012115299', iinBin } });
      expect(res.statusCode, iinBin).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'invalid_iin_bin',
        details: { fields: [{ field: 'previousOwner.iinBin', code: 'invalid_iin_bin' }] },
      });
    }
    const phone = await register(a, msisdn!, {
      ...body,
      previousOwner: { msisdn: '+7 (495) 123-45-67', iinBin: BIN.valid[0] },
    });
    expect(phone.json().error).toMatchObject({
      code: 'invalid_msisdn',
      details: { fields: [{ field: 'previousOwner.msisdn', code: 'invalid_msisdn' }] },
    });
    const self = await register(a, msisdn!, { ...body, previousOwner: { msisdn: msisdn!, iinBin: BIN.valid[0] } });
    expect(self.json().error.code).toBe('previous_owner_is_this_number');
    const several = await register(a, msisdn!, {
      imei: '123',
      kind: 'reregister',
      previousOwner: { msisdn: 'x', iinBin: '123456789012' },
    });
    expect(several.json().error).toMatchObject({ code: 'validation_failed' });
    expect(several.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'imei',
      'previousOwner.msisdn',
      'previousOwner.iinBin',
      'termsAccepted',
    ]);
    expect(several.json().error.message).toContain('previousOwner.iinBin');
    expect(await registrationRows(msisdn!)).toEqual([]);
  });

  it('needs the terms accepted', async () => {
    const [msisdn] = await fresh();
    for (const termsAccepted of [undefined, false]) {
      const res = await register(a, msisdn!, {
        imei: freshImei(8),
        kind: 'reregister',
        previousOwner: { msisdn: '77012115299', iinBin: IIN_VALID },
        ...(termsAccepted === undefined ? {} : { termsAccepted }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'terms_not_accepted',
        message: translate('terms_not_accepted', 'en'),
        details: { fields: [{ field: 'termsAccepted', code: 'terms_not_accepted' }] },
      });
    }
    expect(await registrationRows(msisdn!)).toEqual([]);
  });

  it('is refused when the stated previous owner is not the holder the registry knows', async () => {
    const [holder, taker] = await fresh(2);
    const imei = freshImei(6);
    expect((await registerAndWait(holder!, { imei })).status).toBe('succeeded');
    const taking = { imei, kind: 'reregister', termsAccepted: true };
    const wrong = await registerAndWait(taker!, {
      ...taking,
      previousOwner: { msisdn: holder!, iinBin: BIN.valid[1] },
    });
    expect(wrong).toMatchObject({ status: 'failed', error: { code: 'imei_previous_owner_mismatch' } });
    expect(await registrationRows(taker!)).toEqual([{ imei, kind: 'reregister', state: 'failed' }]);
    const right = await registerAndWait(taker!, { ...taking, previousOwner: { msisdn: holder!, iinBin: BIN_LARGE } });
    expect(right.status).toBe('succeeded');
  });

  it('follows the manual’s number whose device is registered to someone else', async () => {
    const msisdn = '77010542285';
    const status = (await api.get(a, `${base(msisdn)}/device`)).json();
    expect(status).toMatchObject({ registrationStatus: 'not_registered', lastOutcome: 'needs_reregistration' });
    const imei = status.lastDetectedImei as string;
    expect((await registerAndWait(msisdn, { imei })).error?.code).toBe('imei_needs_reregistration');
    const done = await registerAndWait(msisdn, {
      imei,
      kind: 'reregister',
      previousOwner: { msisdn: '7-701-211-52-99', iinBin: IIN_VALID },
      termsAccepted: true,
    });
    expect(done.status).toBe('succeeded');
  });
});

describe('F26 duplicate registration', () => {
  it('answers "registered with another provider", then registers a duplicate after the terms', async () => {
    const [msisdn] = await fresh();
    const imei = freshImei(9);
    const first = await registerAndWait(msisdn!, { imei });
    expect(first).toMatchObject({
      status: 'failed',
      result: { outcome: 'needs_duplicate' },
      error: { code: 'imei_needs_duplicate' },
    });
    const noTerms = await register(a, msisdn!, { imei, kind: 'duplicate' });
    expect(noTerms.statusCode).toBe(400);
    expect(noTerms.json().error.code).toBe('terms_not_accepted');

    const done = await registerAndWait(msisdn!, { imei, kind: 'duplicate', termsAccepted: true });
    const params = { imei, msisdn: formatMsisdn(msisdn!) };
    expect(done).toMatchObject({
      kind: 'device_duplicate',
      status: 'succeeded',
      result: { outcome: 'duplicate_registered', state: 'registered' },
      message: translate('imei_duplicate_registered', 'en', params),
    });
    expect(
      (await api.get(a, `${base(msisdn!)}/device`))
        .json()
        .history.map((h: { kind: string; state: string }) => [h.kind, h.state]),
    ).toEqual([
      ['duplicate', 'registered'],
      ['register', 'needs_duplicate'],
    ]);
    expect((await actionsFor(t, msisdn!, 'device.duplicate')).map((x) => x.status)).toEqual(['success']);
    // The duplicate can be removed again.
    const removal = await api.del(a, `${base(msisdn!)}/device-registrations/${imei}`);
    expect((await waitForRequest(t, a, large, removal.json().id)).status).toBe('succeeded');
  });

  it('sends a re-registration case to re-registration', async () => {
    const [msisdn] = await fresh();
    const done = await registerAndWait(msisdn!, { imei: freshImei(8), kind: 'duplicate', termsAccepted: true });
    expect(done.error?.code).toBe('imei_needs_reregistration');
  });
});
