import type { SimulatedNetwork } from '../../src/integrations/network/simulated-network.js';
import type { Session, TestApp } from './test-app.js';

/** Small request helpers for the number-management tests (F11–F23, O5). */
export function client(t: TestApp) {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', s: Session, url: string, payload?: unknown, lang = 'en') =>
    t.app.inject({
      method,
      url,
      headers: { ...s.headers, 'accept-language': lang },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    get: (s: Session, url: string, lang = 'en') => send('GET', s, url, undefined, lang),
    post: (s: Session, url: string, payload?: unknown, lang = 'en') => send('POST', s, url, payload, lang),
    put: (s: Session, url: string, lang = 'en') => send('PUT', s, url, undefined, lang),
    del: (s: Session, url: string, lang = 'en') => send('DELETE', s, url, undefined, lang),
  };
}

/** The simulator the test app runs on (O5): tests make it fail for chosen numbers. */
export function network(t: TestApp): SimulatedNetwork {
  return t.ctx.network as SimulatedNetwork;
}

/**
 * Hands out numbers of a company matching an SQL condition on `n` (numbers), in msisdn order,
 * never the same one twice: each test works on numbers no other test of the file touches.
 */
export function numberPool(t: TestApp, companyId: () => string) {
  const used = new Set<string>(['77010542001', '77010542006', '77011441876', '77012111415']);
  return async function pick(where: string, count = 1): Promise<string[]> {
    const { rows } = await t.ctx.db.query<{ msisdn: string }>(
      `SELECT n.msisdn FROM numbers n WHERE n.company_id = $1 AND (${where}) AND NOT (n.msisdn = ANY($2))
       ORDER BY n.msisdn LIMIT $3`,
      [companyId(), [...used], count],
    );
    if (rows.length < count) throw new Error(`not enough numbers where ${where}`);
    for (const r of rows) used.add(r.msisdn);
    return rows.map((r) => r.msisdn);
  };
}

export interface ActionRow {
  action: string;
  status: 'success' | 'failure';
  target: string | null;
  administrator_id: string | null;
  company_id: string | null;
  details: Record<string, unknown>;
}

/** Actions history entries for a target, oldest first. */
export async function actionsFor(t: TestApp, target: string, action?: string): Promise<ActionRow[]> {
  const { rows } = await t.ctx.db.query<ActionRow>(
    `SELECT action, status, target, administrator_id, company_id, details FROM actions
     WHERE target = $1 AND ($2::text IS NULL OR action = $2) ORDER BY id`,
    [target, action ?? null],
  );
  return rows;
}

export interface CommandRow {
  kind: string;
  status: 'succeeded' | 'failed';
  payload: Record<string, unknown>;
  error: string | null;
  company_id: string;
}

/** Provisioning log entries of a number, oldest first. */
export async function commandsFor(t: TestApp, msisdn: string): Promise<CommandRow[]> {
  const { rows } = await t.ctx.db.query<CommandRow>(
    `SELECT c.kind, c.status, c.payload, c.error, c.company_id FROM provisioning_commands c
     JOIN numbers n ON n.id = c.number_id WHERE n.msisdn = $1 ORDER BY c.created_at, c.id`,
    [msisdn],
  );
  return rows;
}

export async function administratorId(t: TestApp, phone: string): Promise<string> {
  const { rows } = await t.ctx.db.query<{ id: string }>('SELECT id FROM administrators WHERE phone = $1', [phone]);
  return rows[0]!.id;
}

export async function numberStatus(t: TestApp, msisdn: string): Promise<{ status: string; changed: string }> {
  const { rows } = await t.ctx.db.query<{ status: string; changed: Date }>(
    'SELECT status, status_changed_at AS changed FROM numbers WHERE msisdn = $1',
    [msisdn],
  );
  return { status: rows[0]!.status, changed: new Date(rows[0]!.changed).toISOString() };
}

export async function servicesOf(t: TestApp, msisdn: string): Promise<string[]> {
  const { rows } = await t.ctx.db.query<{ service_code: string }>(
    `SELECT ns.service_code FROM number_services ns JOIN numbers n ON n.id = ns.number_id
     WHERE n.msisdn = $1 ORDER BY ns.service_code`,
    [msisdn],
  );
  return rows.map((r) => r.service_code);
}
