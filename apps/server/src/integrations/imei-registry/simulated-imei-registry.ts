import type { Queryable } from '../../db/client.js';
import { isOperatorNumber } from '../../lib/identifiers.js';
import type { ImeiRegistry, RegistryOutcome, RegistryRequest } from './imei-registry.js';

interface Entry {
  imei: string;
  holder_msisdn: string | null;
  holder_iin_bin: string | null;
  duplicate_msisdn: string | null;
  duplicate_iin_bin: string | null;
  blacklisted: boolean;
}

/** National mobile prefixes of other Kazakhstani providers (spec/domain.md). */
const OTHER_PROVIDER_PREFIXES = ['747', '705', '771', '776', '777', '700', '707', '708'];

/**
 * The built-in national IMEI registry (O3): deterministic answers from the IMEI and the registry's
 * own state (table `imei_registry`), given in the caller's transaction. The answer is due after
 * IMEI_REGISTRY_DELAY_MS: the job that asks is scheduled for then (no sleeping here).
 *
 * Rules (docs/decisions/0004-imei-registry-simulator.md):
 * 1. The TAC (first 8 digits) starts with `00` (no such reporting body), or the registry has the
 *    IMEI blacklisted → `invalid`.
 * 2. An IMEI the registry has never seen starts from its last digit: `8` → held by another
 *    subscriber of this operator (number 7 + first operator prefix + the IMEI's last 7 digits, IIN
 *    unknown); `9` → held with another provider's number (7 747 + the last 7 digits); any other
 *    digit → free.
 * 3. register: free → registered to this number and BIN; held by this number (or its duplicate) →
 *    `registered`; held with another provider's number → `needs_duplicate`; held by another
 *    owner → `needs_reregistration`.
 * 4. reregister: held with another provider's number → `needs_duplicate`; held by an owner whose
 *    IIN/BIN the registry knows (registered through the portal) and the stated previous owner's
 *    number or IIN/BIN differ → `previous_owner_mismatch`; otherwise the IMEI moves to this
 *    number and BIN → `registered`.
 * 5. duplicate: held with another provider's number → this number becomes its duplicate →
 *    `duplicate_registered`; free or held by this number → `registered`; held by another owner of
 *    this operator → `needs_reregistration`.
 * 6. remove: held by this number → freed (`removed`); this number is the duplicate → duplicate
 *    cleared (`removed`); otherwise `not_registered`.
 * 7. The same request id always gets the same answer (table `imei_registry_answers`).
 */
export class SimulatedImeiRegistry implements ImeiRegistry {
  readonly name = 'simulator';
  private readonly otherPrefix: string;

  constructor(private readonly operatorPrefixes: readonly string[]) {
    this.otherPrefix = OTHER_PROVIDER_PREFIXES.find((p) => !operatorPrefixes.includes(p)) ?? '747';
  }

  async submit(request: RegistryRequest, tx: Queryable): Promise<RegistryOutcome> {
    const earlier = await tx.query<{ outcome: RegistryOutcome }>(
      'SELECT outcome FROM imei_registry_answers WHERE request_id = $1',
      [request.requestId],
    );
    if (earlier.rows[0]) return earlier.rows[0].outcome;
    const outcome = await this.decide(request, tx);
    await tx.query(
      `INSERT INTO imei_registry_answers (request_id, imei, kind, outcome) VALUES ($1, $2, $3, $4)
       ON CONFLICT (request_id) DO NOTHING`,
      [request.requestId, request.imei, request.kind, outcome],
    );
    return outcome;
  }

  /** The holder an IMEI the registry has never seen starts with (rule 2), or null when it is free. */
  initialHolder(imei: string): string | null {
    const serial = imei.slice(-7);
    const last = imei.at(-1);
    if (last === '8') return `7${this.operatorPrefixes[0] ?? '701'}${serial}`;
    if (last === '9') return `7${this.otherPrefix}${serial}`;
    return null;
  }

  private async decide(r: RegistryRequest, tx: Queryable): Promise<RegistryOutcome> {
    if (r.imei.startsWith('00')) return 'invalid';
    const entry = await this.load(r.imei, tx);
    if (entry.blacklisted) return 'invalid';
    const mine = entry.holder_msisdn === r.msisdn;
    const myDuplicate = entry.duplicate_msisdn === r.msisdn;
    const holder = entry.holder_msisdn;
    const otherProvider = holder !== null && !isOperatorNumber(holder, this.operatorPrefixes);

    switch (r.kind) {
      case 'register':
        if (holder === null) return this.hold(entry, r, tx);
        if (mine || myDuplicate) return 'registered';
        return otherProvider ? 'needs_duplicate' : 'needs_reregistration';
      case 'reregister': {
        if (holder === null || mine) return this.hold(entry, r, tx);
        if (otherProvider) return 'needs_duplicate';
        const stated = r.previousOwner;
        if (!stated) return 'previous_owner_mismatch';
        if (entry.holder_iin_bin !== null) {
          if (stated.msisdn !== holder || stated.iinBin !== entry.holder_iin_bin) return 'previous_owner_mismatch';
        }
        return this.hold(entry, r, tx);
      }
      case 'duplicate':
        if (holder === null || mine) return this.hold(entry, r, tx);
        if (!otherProvider) return 'needs_reregistration';
        await this.save({ ...entry, duplicate_msisdn: r.msisdn, duplicate_iin_bin: r.ownerIinBin }, tx);
        return 'duplicate_registered';
      case 'remove':
        if (mine) {
          await this.save({ ...entry, holder_msisdn: null, holder_iin_bin: null }, tx);
          return 'removed';
        }
        if (myDuplicate) {
          await this.save({ ...entry, duplicate_msisdn: null, duplicate_iin_bin: null }, tx);
          return 'removed';
        }
        return 'not_registered';
    }
  }

  private async hold(entry: Entry, r: RegistryRequest, tx: Queryable): Promise<RegistryOutcome> {
    const clearDuplicate = entry.duplicate_msisdn === r.msisdn;
    await this.save(
      {
        ...entry,
        holder_msisdn: r.msisdn,
        holder_iin_bin: r.ownerIinBin,
        ...(clearDuplicate ? { duplicate_msisdn: null, duplicate_iin_bin: null } : {}),
      },
      tx,
    );
    return 'registered';
  }

  /** The registry's entry for an IMEI (locked), created from rule 2 the first time it is asked about. */
  private async load(imei: string, tx: Queryable): Promise<Entry> {
    const holder = this.initialHolder(imei);
    await tx.query(`INSERT INTO imei_registry (imei, holder_msisdn) VALUES ($1, $2) ON CONFLICT (imei) DO NOTHING`, [
      imei,
      holder,
    ]);
    const { rows } = await tx.query<Entry>(
      `SELECT imei, holder_msisdn, holder_iin_bin, duplicate_msisdn, duplicate_iin_bin, blacklisted
       FROM imei_registry WHERE imei = $1 FOR UPDATE`,
      [imei],
    );
    return rows[0] as Entry;
  }

  private async save(e: Entry, tx: Queryable): Promise<void> {
    await tx.query(
      `UPDATE imei_registry SET holder_msisdn = $2, holder_iin_bin = $3, duplicate_msisdn = $4,
         duplicate_iin_bin = $5, updated_at = now()
       WHERE imei = $1`,
      [e.imei, e.holder_msisdn, e.holder_iin_bin, e.duplicate_msisdn, e.duplicate_iin_bin],
    );
  }
}

/**
 * Gives the simulator the state the demo's registration histories imply (demo seed only): for each
 * IMEI, its latest request decides — registered → held by that number and its company's BIN; a
 * duplicate → held with another provider's number, that number its duplicate; needs
 * re-registration → held by another subscriber of the operator; needs a duplicate → held with
 * another provider's number; invalid → blacklisted; removed → free.
 */
export async function seedImeiRegistry(tx: Queryable): Promise<void> {
  await tx.query(
    `INSERT INTO imei_registry (imei, holder_msisdn, holder_iin_bin, duplicate_msisdn, duplicate_iin_bin, blacklisted)
     SELECT d.imei,
            CASE WHEN d.state = 'registered' AND d.kind <> 'duplicate' THEN d.msisdn
                 WHEN d.state = 'needs_reregistration' THEN '7702' || right(d.imei, 7)
                 WHEN d.state = 'needs_duplicate' OR (d.state = 'registered' AND d.kind = 'duplicate')
                   THEN '7747' || right(d.imei, 7) END,
            CASE WHEN d.state = 'registered' AND d.kind <> 'duplicate' THEN d.bin END,
            CASE WHEN d.state = 'registered' AND d.kind = 'duplicate' THEN d.msisdn END,
            CASE WHEN d.state = 'registered' AND d.kind = 'duplicate' THEN d.bin END,
            d.state = 'invalid'
     FROM (
       SELECT DISTINCT ON (r.imei) r.imei, r.kind, r.state, n.msisdn, c.bin
       FROM device_registrations r JOIN numbers n ON n.id = r.number_id JOIN companies c ON c.id = n.company_id
       WHERE r.state IN ('registered', 'removed', 'needs_reregistration', 'needs_duplicate', 'invalid')
       ORDER BY r.imei, r.requested_at DESC
     ) d
     WHERE d.state <> 'removed'
     ON CONFLICT (imei) DO NOTHING`,
  );
}
