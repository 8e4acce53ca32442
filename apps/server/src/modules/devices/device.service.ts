import type { Db } from '../../db/client.js';
import { AppError, type FieldError } from '../../lib/errors.js';
import type { Language, TextKey } from '../../lib/i18n.js';
import { isUuid, isValidBinIin, normalizeImei, normalizeMsisdn } from '../../lib/identifiers.js';
import type { Actor } from '../numbers/number-actions.js';
import type { NumbersService } from '../numbers/numbers.service.js';
import { type DeviceKind, deviceRequestKind } from '../requests/request-kinds.js';
import type { RequestsService } from '../requests/requests.service.js';
import {
  insertRegistration,
  lastOutcome,
  listRegistrations,
  pendingRegistrations,
  type RegistrationRow,
  registeredImeis,
} from './device.repository.js';
import type { DeviceRegistrationBody } from './device.schemas.js';

const iso = (v: Date | string) => new Date(v).toISOString();
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:?\d{2}){0,2}$/;

function item(r: RegistrationRow) {
  return {
    id: r.id,
    date: iso(r.requested_at),
    requestedAt: iso(r.requested_at),
    completedAt: r.completed_at === null ? null : iso(r.completed_at),
    imei: r.imei,
    kind: r.kind,
    state: r.state,
    requestId: r.request_id,
  };
}

/** One bad field → its own code; several → validation_failed naming them all. */
function fieldsError(fields: FieldError[]): AppError {
  if (fields.length === 1) {
    const f = fields[0] as FieldError;
    return new AppError(f.code as TextKey, 400, { fields });
  }
  return new AppError('validation_failed', 400, { fields }, { fields: fields.map((f) => f.field).join(', ') });
}

/** The IMEI as typed: spaces and dashes are ignored. */
const cleanImei = (input: string) => normalizeImei(input.replace(/[\s-]/g, ''));

/**
 * F24–F26 device registration (IMEI) with the national registry (O3): status and request history
 * of a number; register, re-register, register a duplicate, remove — each accepted at once as a
 * request (202) that a job completes when the registry's answer is due (device-registration.jobs.ts).
 */
export class DeviceService {
  constructor(
    private readonly db: Db,
    private readonly numbers: NumbersService,
    private readonly requests: RequestsService,
    private readonly registryDelayMs: number,
  ) {}

  async status(companyId: string, msisdnInput: string) {
    const n = await this.numbers.ref(companyId, msisdnInput);
    const [registered, pending, history] = [
      await registeredImeis(this.db, n.id),
      await pendingRegistrations(this.db, n.id),
      await listRegistrations(this.db, n.id, 50),
    ];
    const last = n.last_detected_imei;
    const target = last ?? registered[0] ?? null;
    const pendingForTarget = pending.find((p) => target === null || p.imei === target) ?? null;
    return {
      msisdn: n.msisdn,
      lastDetectedImei: last,
      registrationStatus: pendingForTarget
        ? ('pending' as const)
        : target !== null && registered.includes(target)
          ? ('registered' as const)
          : ('not_registered' as const),
      registeredImei: last !== null && registered.includes(last) ? last : (registered[0] ?? null),
      registeredImeis: registered,
      lastOutcome: last ? await lastOutcome(this.db, n.id, last) : null,
      pendingRequestId: pendingForTarget?.request_id ?? pending[0]?.request_id ?? null,
      history: history.map(item),
    };
  }

  async history(companyId: string, msisdnInput: string, query: { limit: number; cursor?: string }) {
    const n = await this.numbers.ref(companyId, msisdnInput);
    const rows = await listRegistrations(
      this.db,
      n.id,
      query.limit + 1,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(item),
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(JSON.stringify({ r: last.requested_text, i: last.id })).toString('base64url')
          : null,
    };
  }

  /** F24 register, F25 re-register, F26 register a duplicate. */
  async register(companyId: string, msisdnInput: string, body: DeviceRegistrationBody, actor: Actor, lang: Language) {
    const kind: DeviceKind = body.kind;
    const imei = cleanImei(body.imei);
    const previousOwner =
      kind === 'reregister' && body.previousOwner
        ? {
            msisdn: normalizeMsisdn(body.previousOwner.msisdn) ?? body.previousOwner.msisdn,
            iinBin: body.previousOwner.iinBin.trim(),
          }
        : null;
    const details = { imei: imei ?? body.imei.slice(0, 20), kind, previousOwnerMsisdn: previousOwner?.msisdn };
    const id = await this.numbers.actions.run(
      { action: `device.${kind}.request`, companyId, actor, msisdnInput, details },
      async (tx) => {
        const n = await this.numbers.lock(tx, companyId, msisdnInput);
        const fields: FieldError[] = [];
        if (!imei) fields.push({ field: 'imei', code: 'invalid_imei' });
        if (kind === 'reregister') {
          if (!body.previousOwner) fields.push({ field: 'previousOwner', code: 'previous_owner_required' });
          else {
            if (!normalizeMsisdn(body.previousOwner.msisdn)) {
              fields.push({ field: 'previousOwner.msisdn', code: 'invalid_msisdn' });
            } else if (previousOwner?.msisdn === n.msisdn) {
              fields.push({ field: 'previousOwner.msisdn', code: 'previous_owner_is_this_number' });
            }
            if (!isValidBinIin(body.previousOwner.iinBin.trim())) {
              fields.push({ field: 'previousOwner.iinBin', code: 'invalid_iin_bin' });
            }
          }
        }
        if (kind !== 'register' && body.termsAccepted !== true) {
          fields.push({ field: 'termsAccepted', code: 'terms_not_accepted' });
        }
        if (fields.length > 0 || !imei) throw fieldsError(fields);
        if (n.status === 'terminated') throw new AppError('number_terminated', 409, { status: n.status });
        const pending = await pendingRegistrations(tx, n.id);
        if (pending.some((p) => p.imei === imei)) throw new AppError('device_request_pending', 409, { imei });
        if ((await registeredImeis(tx, n.id)).includes(imei)) {
          throw new AppError('device_already_registered', 409, { imei });
        }
        const requestId = await this.requests.create(tx, {
          companyId,
          administratorId: actor.administratorId,
          numberId: n.id,
          kind: deviceRequestKind(kind),
          params: { imei, kind, ...(previousOwner ? { previousOwner } : {}) },
          delayMs: this.registryDelayMs,
        });
        await insertRegistration(tx, { numberId: n.id, imei, kind, requestId, previousOwner });
        return { result: requestId, details: { requestId } };
      },
    );
    await this.requests.dispatch(id, this.registryDelayMs);
    return this.requests.get(companyId, id, lang);
  }

  /** F24 remove a registration. */
  async remove(companyId: string, msisdnInput: string, imeiInput: string, actor: Actor, lang: Language) {
    const imei = cleanImei(imeiInput);
    const id = await this.numbers.actions.run(
      {
        action: 'device.remove.request',
        companyId,
        actor,
        msisdnInput,
        details: { imei: imei ?? imeiInput.slice(0, 20) },
      },
      async (tx) => {
        const n = await this.numbers.lock(tx, companyId, msisdnInput);
        if (!imei) throw fieldsError([{ field: 'imei', code: 'invalid_imei' }]);
        const pending = await pendingRegistrations(tx, n.id);
        if (pending.some((p) => p.imei === imei)) throw new AppError('device_request_pending', 409, { imei });
        if (!(await registeredImeis(tx, n.id)).includes(imei)) {
          throw new AppError('device_not_registered', 404, { imei });
        }
        const requestId = await this.requests.create(tx, {
          companyId,
          administratorId: actor.administratorId,
          numberId: n.id,
          kind: deviceRequestKind('remove'),
          params: { imei, kind: 'remove' },
          delayMs: this.registryDelayMs,
        });
        await insertRegistration(tx, { numberId: n.id, imei, kind: 'remove', requestId });
        return { result: requestId, details: { requestId } };
      },
    );
    await this.requests.dispatch(id, this.registryDelayMs);
    return this.requests.get(companyId, id, lang);
  }
}

function decodeCursor(cursor: string): { requested: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { r?: unknown; i?: unknown };
    if (typeof v.r === 'string' && PG_TIMESTAMP.test(v.r) && typeof v.i === 'string' && isUuid(v.i)) {
      return { requested: v.r, id: v.i };
    }
  } catch {
    /* fall through */
  }
  throw new AppError('invalid_cursor', 400, { fields: [{ field: 'cursor', code: 'invalid_cursor' }] });
}
