import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, ADMIN_B_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * Tenant isolation, proven from the OpenAPI document: every company-scoped route, present and
 * future, is called by administrator B on administrator A's company, and on A's number through
 * B's own company. Each must answer 404 exactly like a missing resource.
 */
let t: TestApp;
let a: Session;
let b: Session;
let companyA: string;
let companyB: string;
const numberOfA = '77010542001';

interface Route {
  method: string;
  path: string;
}
let routes: Route[] = [];

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  b = await login(t, ADMIN_B_PHONE, DEMO_PASSWORD);
  const listA = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: a.headers })).json().items;
  companyA = listA.find((c: { bin: string }) => c.bin === BIN_LARGE).id;
  companyB = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: b.headers })).json().items[0].id;
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths)
    .filter(([path]) => path.includes('{companyId}'))
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
});
afterAll(async () => t?.close());

function fill(path: string, companyId: string): string {
  return path
    .replace('{companyId}', companyId)
    .replace('{msisdn}', numberOfA)
    .replace(/\{[^}]+\}/g, '00000000-0000-0000-0000-000000000001');
}

async function call(s: Session, r: Route, companyId: string) {
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(r.method);
  return t.app.inject({
    method: r.method as 'GET',
    url: fill(r.path, companyId),
    headers: s.headers,
    ...(hasBody ? { payload: {} } : {}),
  });
}

describe('tenant isolation (fail closed) over every company-scoped route in the OpenAPI document', () => {
  it('finds the company-scoped routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(3);
  });

  it('answers 404 to administrator B on every route of administrator A’s company', async () => {
    const leaks: string[] = [];
    for (const r of routes) {
      const res = await call(b, r, companyA);
      if (res.statusCode !== 404 || res.json().error?.code !== 'not_found')
        leaks.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers 404 to administrator B for A’s number addressed through B’s own company', async () => {
    const leaks: string[] = [];
    for (const r of routes.filter((x) => x.path.includes('{msisdn}'))) {
      const res = await call(b, r, companyB);
      if (res.statusCode !== 404) leaks.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers 401 without a session on every company-scoped route', async () => {
    const open: string[] = [];
    for (const r of routes) {
      const res = await t.app.inject({ method: r.method as 'GET', url: fill(r.path, companyA) });
      if (res.statusCode !== 401) open.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it('lets administrator A reach the same routes (the 404s above are not because they are broken)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${companyA}/numbers/${numberOfA}`,
      headers: a.headers,
    });
    expect(res.statusCode).toBe(200);
  });
});
