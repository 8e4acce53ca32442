import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openPglite } from '../../db/client.js';
import type { RegistryRequest } from './imei-registry.js';
import { SimulatedImeiRegistry } from './simulated-imei-registry.js';

/** O3: the simulator's deterministic rules, on its own tables in an in-memory database. */
let db: Db;
const registry = new SimulatedImeiRegistry(['701', '702', '775', '778']);
const COMPANY_BIN = '080540001238';
const OTHER_BIN = '041058570298';

beforeAll(async () => {
  db = await openPglite(undefined);
  await db.exec(`
    CREATE TABLE imei_registry (imei char(14) PRIMARY KEY, holder_msisdn char(11), holder_iin_bin char(12),
      duplicate_msisdn char(11), duplicate_iin_bin char(12), blacklisted boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE imei_registry_answers (request_id uuid PRIMARY KEY, imei char(14) NOT NULL, kind text NOT NULL,
      outcome text NOT NULL, answered_at timestamptz NOT NULL DEFAULT now());`);
}, 60_000);
afterAll(async () => db?.close());

const ask = (r: Omit<RegistryRequest, 'requestId'> & { requestId?: string }) =>
  db.transaction((tx) => registry.submit({ requestId: randomUUID(), ...r }, tx));
const req = (kind: RegistryRequest['kind'], imei: string, msisdn: string, extra: Partial<RegistryRequest> = {}) =>
  ask({ kind, imei, msisdn, ownerIinBin: COMPANY_BIN, ...extra });

describe('O3 IMEI registry simulator', () => {
  it('derives the starting holder of an unseen IMEI from its last digit', () => {
    expect(registry.initialHolder('35999901000018')).toBe('77011000018');
    expect(registry.initialHolder('35999901000019')).toBe('77471000019');
    expect(registry.initialHolder('35999901000017')).toBeNull();
  });

  it('registers a free IMEI, and answers the same for the holder asking again', async () => {
    expect(await req('register', '35999901000107', '77010000001')).toBe('registered');
    expect(await req('register', '35999901000107', '77010000001')).toBe('registered');
    expect(await req('register', '35999901000107', '77010000002')).toBe('needs_reregistration');
  });

  it('refuses IMEIs whose TAC starts with 00, and blacklisted ones', async () => {
    expect(await req('register', '00999901000107', '77010000001')).toBe('invalid');
    await db.query(`INSERT INTO imei_registry (imei, blacklisted) VALUES ('35999901000207', true)`);
    expect(await req('register', '35999901000207', '77010000001')).toBe('invalid');
  });

  it('moves an IMEI on re-registration, checking a previous owner it knows', async () => {
    const imei = '35999901000307';
    await req('register', imei, '77010000003');
    const wrong = { previousOwner: { msisdn: '77010000003', iinBin: OTHER_BIN } };
    expect(await req('reregister', imei, '77010000004', wrong)).toBe('previous_owner_mismatch');
    const right = { previousOwner: { msisdn: '77010000003', iinBin: COMPANY_BIN } };
    expect(await req('reregister', imei, '77010000004', right)).toBe('registered');
    expect(await req('register', imei, '77010000003')).toBe('needs_reregistration');
    // A holder the registry knows only by number (rule 2) is not checked.
    const any = { previousOwner: { msisdn: '77010000009', iinBin: OTHER_BIN } };
    expect(await req('reregister', '35999901000318', '77010000004', any)).toBe('registered');
  });

  it('registers duplicates only for IMEIs held with another provider', async () => {
    const imei = '35999901000409';
    expect(await req('register', imei, '77010000005')).toBe('needs_duplicate');
    expect(await req('reregister', imei, '77010000005', { previousOwner: null })).toBe('needs_duplicate');
    expect(await req('duplicate', imei, '77010000005')).toBe('duplicate_registered');
    expect(await req('register', imei, '77010000005')).toBe('registered');
    expect(await req('duplicate', '35999901000418', '77010000005')).toBe('needs_reregistration');
    expect(await req('duplicate', '35999901000417', '77010000005')).toBe('registered');
  });

  it('removes only what the number holds', async () => {
    expect(await req('remove', '35999901000409', '77010000005')).toBe('removed');
    expect(await req('remove', '35999901000409', '77010000005')).toBe('not_registered');
    await req('register', '35999901000507', '77010000006');
    expect(await req('remove', '35999901000507', '77010000007')).toBe('not_registered');
    expect(await req('remove', '35999901000507', '77010000006')).toBe('removed');
    expect(await req('register', '35999901000507', '77010000007')).toBe('registered');
  });

  it('gives the same answer to the same request id, even after its state changed', async () => {
    const requestId = randomUUID();
    const imei = '35999901000607';
    const first = { requestId, kind: 'register' as const, imei, msisdn: '77010000008', ownerIinBin: COMPANY_BIN };
    expect(await ask(first)).toBe('registered');
    await req('remove', imei, '77010000008');
    expect(await ask(first)).toBe('registered');
    expect(await req('register', imei, '77010000009')).toBe('registered');
    expect(await ask(first)).toBe('registered');
  });
});
