import type { Db } from '../../db/client.js';
import type { ForwardingType } from '../../integrations/network/network-provisioning.js';
import type { Provisioning } from '../../integrations/network/provisioning.js';
import { AppError } from '../../lib/errors.js';
import { type Language, type TextKey, t } from '../../lib/i18n.js';
import { isUuid, normalizeMsisdn } from '../../lib/identifiers.js';
import type { Actor } from '../numbers/number-actions.js';
import type { NumberRef } from '../numbers/numbers.repository.js';
import { type NumbersService, statusRefusal } from '../numbers/numbers.service.js';
import type { ServicesService } from '../services/services.service.js';
import {
  deleteForwarding,
  type ForwardingRow,
  findForwarding,
  insertForwarding,
  listForwardings,
} from './forwarding.repository.js';
import { FORWARDING_SERVICES, type ForwardingBody } from './forwarding.schemas.js';

const TYPE_NAMES: Record<ForwardingType, TextKey> = {
  unconditional: 'forwarding_type_unconditional',
  busy: 'forwarding_type_busy',
  no_answer: 'forwarding_type_no_answer',
  unreachable: 'forwarding_type_unreachable',
};

const toIso = (v: Date | string) => new Date(v).toISOString();

type ServiceNames = ReadonlyMap<string, string>;

export class ForwardingService {
  constructor(
    private readonly db: Db,
    private readonly numbers: NumbersService,
    private readonly services: ServicesService,
    private readonly provisioning: Provisioning,
  ) {}

  /** F23: the number's forwardings, the services calls can go to, and whether changes are possible now. */
  async list(companyId: string, msisdnInput: string, lang: Language) {
    const n = await this.numbers.ref(companyId, msisdnInput);
    const rows = await listForwardings(this.db, companyId, n.id);
    const services = await this.services.names(FORWARDING_SERVICES, lang);
    const names = new Map(services.map((s) => [s.code, s.name]));
    const refusal = statusRefusal(n.status);
    return {
      msisdn: n.msisdn,
      items: rows.map((r) => item(r, names)),
      services: services as { code: (typeof FORWARDING_SERVICES)[number]; name: string }[],
      available: refusal === null,
      unavailableReason: refusal ? { code: refusal, message: t(refusal, lang) } : null,
    };
  }

  /** F23: adds a forwarding, refusing conflicts with the ones already set; through the network (O5). */
  async add(companyId: string, msisdnInput: string, body: ForwardingBody, actor: Actor, lang: Language) {
    const target = body.direction === 'number' ? normalizeMsisdn(body.targetMsisdn) : null;
    const serviceCode = body.direction === 'service' ? body.serviceCode : null;
    const details = { type: body.type, direction: body.direction, targetMsisdn: target, serviceCode };
    // Read before the transaction: inside it only `tx` may be used (PGlite has a single connection).
    const names = new Map((await this.services.names(FORWARDING_SERVICES, lang)).map((s) => [s.code, s.name]));
    return this.numbers.actions.run(
      { action: 'forwarding.add', companyId, actor, msisdnInput, details },
      async (tx) => {
        const n = await this.numbers.lock(tx, companyId, msisdnInput);
        if (body.direction === 'number' && target === n.msisdn) {
          throw new AppError('forwarding_target_is_self', 400, {
            fields: [
              {
                field: 'targetMsisdn',
                code: 'forwarding_target_is_self',
                message: t('forwarding_target_is_self', lang),
              },
            ],
          });
        }
        assertChangeable(n);
        const existing = await listForwardings(tx, companyId, n.id);
        assertNoConflict(body.type, existing, lang);
        const row = await insertForwarding(tx, companyId, n.id, {
          type: body.type,
          direction: body.direction,
          target_msisdn: target,
          service_code: serviceCode,
        });
        await this.provisioning.run(tx, {
          kind: 'forwarding_add',
          companyId,
          numberId: n.id,
          msisdn: n.msisdn,
          payload: { type: body.type, direction: body.direction, targetMsisdn: target, serviceCode },
        });
        return { result: item(row, names), details: { id: row.id } };
      },
    );
  }

  /** F23: removes one forwarding of the number; through the network (O5). */
  async remove(companyId: string, msisdnInput: string, id: string, actor: Actor) {
    await this.numbers.actions.run(
      { action: 'forwarding.remove', companyId, actor, msisdnInput, details: { id } },
      async (tx) => {
        const n = await this.numbers.lock(tx, companyId, msisdnInput);
        const row = isUuid(id) ? await findForwarding(tx, companyId, n.id, id) : undefined;
        if (!row) throw new AppError('forwarding_not_found', 404, { id });
        assertChangeable(n);
        await deleteForwarding(tx, companyId, n.id, id);
        await this.provisioning.run(tx, {
          kind: 'forwarding_remove',
          companyId,
          numberId: n.id,
          msisdn: n.msisdn,
          payload: { type: row.type },
        });
        return {
          result: undefined,
          details: {
            type: row.type,
            direction: row.direction,
            targetMsisdn: row.target_msisdn,
            serviceCode: row.service_code,
          },
        };
      },
    );
  }
}

function item(r: ForwardingRow, names: ServiceNames) {
  const code = r.service_code as (typeof FORWARDING_SERVICES)[number] | null;
  return {
    id: r.id,
    type: r.type,
    direction: r.direction,
    targetMsisdn: r.target_msisdn,
    service: code ? { code, name: names.get(code) ?? code } : null,
    createdAt: toIso(r.created_at),
  };
}

/** Forwardings change only on an active number. */
function assertChangeable(n: NumberRef) {
  const refusal = statusRefusal(n.status);
  if (refusal) throw new AppError(refusal, 409, { status: n.status });
}

/**
 * One forwarding per type; unconditional forwarding overrides all others, so it is refused while
 * conditional ones exist, and conditional ones are refused while it exists.
 */
function assertNoConflict(type: ForwardingType, existing: readonly ForwardingRow[], lang: Language) {
  const same = existing.find((f) => f.type === type);
  if (same) {
    throw new AppError(
      'forwarding_type_exists',
      409,
      { type, existingId: same.id },
      { type: t(TYPE_NAMES[type], lang) },
    );
  }
  if (type === 'unconditional' && existing.length > 0) {
    throw new AppError(
      'forwarding_conditional_active',
      409,
      { type, existingTypes: existing.map((f) => f.type) },
      { types: existing.map((f) => t(TYPE_NAMES[f.type], lang)).join(', ') },
    );
  }
  const unconditional = existing.find((f) => f.type === 'unconditional');
  if (unconditional) {
    throw new AppError('forwarding_unconditional_active', 409, { type, existingId: unconditional.id });
  }
}
