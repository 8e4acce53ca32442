import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, ADMIN_B_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { actionsFor, commandsFor, numberStatus, servicesOf } from './helpers/number-management.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * Tenancy of the number-management routes (F11–F23), with real request bodies: administrator B
 * gets 404 on administrator A's company, and on A's numbers addressed through B's own company;
 * nothing of A's changes and nothing is written to A's actions history or provisioning log.
 */
let t: TestApp;
let a: Session;
let b: Session;
let companyA: string;
let companyB: string;
let forwardingOfA: string;
/** The manual's numbers: services, SIM, forwarding to 2050. */
const NUMBER_OF_A = '77012111415';
const SIM_OF_A = '77010542001';

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (msisdn: string) => string;
  payload?: Record<string, unknown>;
}

const CALLS: Call[] = [
  { method: 'GET', path: (m) => `numbers/${m}/sim` },
  { method: 'POST', path: (m) => `numbers/${m}/sim/secrets` },
  { method: 'GET', path: (m) => `numbers/${m}/contract-phones` },
  { method: 'GET', path: (m) => `numbers/${m}/allowances` },
  { method: 'GET', path: (m) => `numbers/${m}/services` },
  { method: 'PUT', path: (m) => `numbers/${m}/services/voicemail` },
  { method: 'DELETE', path: (m) => `numbers/${m}/services/onnet_unlimited` },
  { method: 'POST', path: (m) => `numbers/${m}/block` },
  { method: 'POST', path: (m) => `numbers/${m}/unblock` },
  { method: 'GET', path: (m) => `numbers/${m}/call-forwardings` },
  {
    method: 'POST',
    path: (m) => `numbers/${m}/call-forwardings`,
    payload: { type: 'busy', direction: 'number', targetMsisdn: '77070000001' },
  },
  { method: 'DELETE', path: (m) => `numbers/${m}/call-forwardings/${forwardingOfA}` },
];

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  b = await login(t, ADMIN_B_PHONE, DEMO_PASSWORD);
  const listA = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: a.headers })).json().items;
  companyA = listA.find((c: { bin: string }) => c.bin === BIN_LARGE).id;
  companyB = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: b.headers })).json().items[0].id;
  forwardingOfA = (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${companyA}/numbers/${NUMBER_OF_A}/call-forwardings`,
      headers: a.headers,
    })
  ).json().items[0].id;
});
afterAll(async () => t?.close());

function call(s: Session, c: Call, companyId: string, msisdn: string) {
  return t.app.inject({
    method: c.method,
    url: `/api/v1/companies/${companyId}/${c.path(msisdn)}`,
    headers: s.headers,
    ...(c.payload ? { payload: c.payload } : {}),
  });
}

async function snapshot() {
  return {
    status: await numberStatus(t, NUMBER_OF_A),
    services: await servicesOf(t, NUMBER_OF_A),
    actions: [...(await actionsFor(t, NUMBER_OF_A)), ...(await actionsFor(t, SIM_OF_A))].length,
    commands: (await commandsFor(t, NUMBER_OF_A)).length + (await commandsFor(t, SIM_OF_A)).length,
    forwardings: (await t.ctx.db.query('SELECT id FROM call_forwardings')).rows.length,
  };
}

describe('F11–F23 tenancy: another administrator gets 404 and changes nothing', () => {
  it('answers 404 not_found to administrator B on every number-management route of A’s company', async () => {
    const before = await snapshot();
    for (const c of CALLS) {
      for (const msisdn of [NUMBER_OF_A, SIM_OF_A]) {
        const res = await call(b, c, companyA, msisdn);
        expect([c.method, c.path(msisdn), res.statusCode, res.json().error?.code]).toEqual([
          c.method,
          c.path(msisdn),
          404,
          'not_found',
        ]);
        expect(res.body).not.toContain('13178690');
      }
    }
    const tariffs = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${companyA}/tariffs`,
      headers: b.headers,
    });
    expect(tariffs.statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 to administrator B for A’s numbers addressed through B’s own company', async () => {
    const before = await snapshot();
    for (const c of CALLS) {
      for (const msisdn of [NUMBER_OF_A, SIM_OF_A]) {
        const res = await call(b, c, companyB, msisdn);
        expect([c.method, c.path(msisdn), res.statusCode]).toEqual([c.method, c.path(msisdn), 404]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('gives B only B’s own tariffs and forwardings', async () => {
    const own = (
      await t.app.inject({ method: 'GET', url: `/api/v1/companies/${companyB}/tariffs`, headers: b.headers })
    ).json().items as { code: string }[];
    const { rows } = await t.ctx.db.query<{ code: string }>(
      'SELECT DISTINCT tariff_code AS code FROM numbers WHERE company_id = $1',
      [companyB],
    );
    expect(own.map((x) => x.code).sort()).toEqual(rows.map((r) => r.code).sort());
  });

  it('lets administrator A use the same routes (the 404s are not because they are broken)', async () => {
    for (const c of CALLS.filter((x) => x.method === 'GET')) {
      const res = await call(a, c, companyA, NUMBER_OF_A);
      expect([c.path(NUMBER_OF_A), res.statusCode]).toEqual([c.path(NUMBER_OF_A), 200]);
    }
  });
});
