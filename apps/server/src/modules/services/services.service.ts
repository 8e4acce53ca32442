import type { Db, Queryable } from '../../db/client.js';
import type { Provisioning } from '../../integrations/network/provisioning.js';
import { AppError } from '../../lib/errors.js';
import { type Language, t } from '../../lib/i18n.js';
import { money } from '../../lib/money.js';
import type { Actor } from '../numbers/number-actions.js';
import type { NumberRef } from '../numbers/numbers.repository.js';
import type { NumbersService } from '../numbers/numbers.service.js';
import {
  activeServices,
  type CatalogRow,
  connectService,
  disconnectService,
  loadCatalog,
  type ServiceCategory,
} from './services.repository.js';
import { activationRefusal, deactivationRefusal, type NumberState, type Refusal } from './services.rules.js';

const CATEGORIES: readonly ServiceCategory[] = ['calls_sms', 'data', 'roaming', 'additional', 'promotions'];

const toIso = (v: Date | string) => new Date(v).toISOString();

/** A catalog rule refused the toggle: 409 with the rule's code and a message naming the reason. */
const refusalError = (r: Refusal) => new AppError(r.code, 409, r.details, r.params);

export class ServicesService {
  constructor(
    private readonly db: Db,
    private readonly numbers: NumbersService,
    private readonly provisioning: Provisioning,
  ) {}

  /** F17/F18: every service of the catalog with its state on the number and whether it can be toggled now. */
  async list(companyId: string, msisdnInput: string, lang: Language) {
    const n = await this.numbers.ref(companyId, msisdnInput);
    const { catalog, state, activatedAt } = await this.load(this.db, n, lang);
    const items = [...catalog.values()].map((s) => this.item(s, state, catalog, activatedAt, lang));
    return {
      msisdn: n.msisdn,
      categories: CATEGORIES.map((category) => ({
        category,
        services: items.filter((i) => i.category === category),
      })),
    };
  }

  /** Connects a service (PUT), after every catalog rule, through the network. */
  activate(companyId: string, msisdnInput: string, code: string, actor: Actor, lang: Language) {
    return this.toggle(companyId, msisdnInput, code, actor, lang, true);
  }

  /** Disconnects a service (DELETE), after every catalog rule, through the network. */
  deactivate(companyId: string, msisdnInput: string, code: string, actor: Actor, lang: Language) {
    return this.toggle(companyId, msisdnInput, code, actor, lang, false);
  }

  /** Names of catalog services in the caller's language (forwarding to a service shows them). */
  async names(codes: readonly string[], lang: Language): Promise<{ code: string; name: string }[]> {
    const catalog = await loadCatalog(this.db, lang);
    return codes.map((code) => ({ code, name: catalog.find((s) => s.code === code)?.name ?? code }));
  }

  private async toggle(
    companyId: string,
    msisdnInput: string,
    code: string,
    actor: Actor,
    lang: Language,
    on: boolean,
  ) {
    const action = on ? 'service.activate' : 'service.deactivate';
    return this.numbers.actions.run(
      { action, companyId, actor, msisdnInput, details: { service: code } },
      async (tx) => {
        const n = await this.numbers.lock(tx, companyId, msisdnInput);
        const { catalog, state, activatedAt } = await this.load(tx, n, lang);
        const service = catalog.get(code);
        if (!service) throw new AppError('service_not_found', 404, { service: code });
        const refusal = on ? activationRefusal(service, state, catalog) : deactivationRefusal(service, state, catalog);
        if (refusal) throw refusalError(refusal);
        const active = new Set(state.active);
        if (on) {
          activatedAt.set(code, await connectService(tx, companyId, n.id, code));
          active.add(code);
        } else {
          await disconnectService(tx, companyId, n.id, code);
          activatedAt.delete(code);
          active.delete(code);
        }
        await this.provisioning.run(tx, {
          kind: on ? 'service_activate' : 'service_deactivate',
          companyId,
          numberId: n.id,
          msisdn: n.msisdn,
          payload: { serviceCode: code },
        });
        return { result: this.item(service, { ...state, active }, catalog, activatedAt, lang) };
      },
    );
  }

  private async load(q: Queryable, n: NumberRef, lang: Language) {
    const rows = await loadCatalog(q, lang);
    const activatedAt = await activeServices(q, n.company_id, n.id);
    const catalog = new Map(rows.map((r) => [r.code, r]));
    const state: NumberState = {
      status: n.status,
      tariffCode: n.tariff_code,
      tariffName: n.tariff_name,
      active: new Set(activatedAt.keys()),
    };
    return { catalog, state, activatedAt };
  }

  private item(
    s: CatalogRow,
    state: NumberState,
    catalog: ReadonlyMap<string, CatalogRow>,
    activatedAt: ReadonlyMap<string, Date | string>,
    lang: Language,
  ) {
    const active = state.active.has(s.code);
    const refusal = active ? deactivationRefusal(s, state, catalog) : activationRefusal(s, state, catalog);
    const at = activatedAt.get(s.code);
    return {
      code: s.code,
      category: s.category,
      name: s.name,
      terms: s.terms,
      monthlyFee: money(s.monthly_fee_tiyn),
      active,
      activatedAt: at === undefined ? null : toIso(at),
      isRestriction: s.is_restriction,
      operatorOnly: s.operator_only,
      availableUntil: s.available_until,
      available: refusal === null,
      unavailableReason: refusal ? { code: refusal.code, message: t(refusal.code, lang, refusal.params) } : null,
    };
  }
}
