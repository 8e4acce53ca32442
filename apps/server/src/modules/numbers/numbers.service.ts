import type { Db, Queryable } from '../../db/client.js';
import type { Provisioning } from '../../integrations/network/provisioning.js';
import { AppError, notFound } from '../../lib/errors.js';
import { type Language, type TextKey, t } from '../../lib/i18n.js';
import { normalizeMsisdn } from '../../lib/identifiers.js';
import { money } from '../../lib/money.js';
import { outstandingBalance } from '../billing/funds.js';
import { type Actor, NumberActions } from './number-actions.js';
import {
  changeStatus,
  findNumber,
  findNumberRef,
  listAllowances,
  listCompanyTariffs,
  listContracts,
  listNumbers,
  lockNumberRef,
  type NumberRef,
  type NumberRow,
} from './numbers.repository.js';

const toIso = (v: Date | string) => new Date(v).toISOString();

function listItem(r: NumberRow) {
  return {
    msisdn: r.msisdn,
    accountNumber: r.account_number,
    tariff: { code: r.tariff_code, name: r.tariff_name },
    billingMethod: r.billing_method,
    status: r.status,
    statusChangedAt: toIso(r.status_changed_at),
    availableFunds: money(r.available_tiyn),
  };
}

export function encodeCursor(msisdn: string): string {
  return Buffer.from(JSON.stringify({ m: msisdn })).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const m = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).m;
    if (typeof m === 'string' && /^\d{11}$/.test(m)) return m;
  } catch {
    /* fall through */
  }
  throw new AppError('invalid_cursor', 400, { fields: [{ field: 'cursor', code: 'invalid_cursor' }] });
}

export interface ListQuery {
  q?: string;
  status?: string;
  tariff?: string;
  limit: number;
  cursor?: string;
}

export type NumberStatus = NumberRow['status'];

/** Why a number in this status cannot be changed by the administrator (every status but active). */
const STATUS_REFUSALS: Record<Exclude<NumberStatus, 'active'>, TextKey> = {
  blocked: 'number_blocked',
  blocked_debt: 'number_blocked_for_debt',
  suspended: 'number_suspended',
  terminated: 'number_terminated',
};

/** The refusal code for changes to a number that is not active, or null when it is active. */
export function statusRefusal(status: NumberStatus): TextKey | null {
  return status === 'active' ? null : STATUS_REFUSALS[status];
}

export class NumbersService {
  /** Runs administrator actions on numbers: one transaction, the actions history, the network port. */
  readonly actions: NumberActions;

  constructor(
    private readonly db: Db,
    private readonly provisioning: Provisioning,
  ) {
    this.actions = new NumberActions(db, provisioning);
  }

  /** F10: the company's numbers, searchable by number fragment or account, cursor-paged by number. */
  async list(companyId: string, query: ListQuery) {
    let msisdn: string | undefined;
    let fragment: string | undefined;
    if (query.q !== undefined && query.q.trim() !== '') {
      const digits = query.q.replace(/\D/g, '');
      if (!digits || /[^\d\s+()\-.]/.test(query.q)) {
        throw new AppError('invalid_search', 400, { fields: [{ field: 'q', code: 'invalid_search' }] });
      }
      const whole = digits.length >= 10 ? normalizeMsisdn(query.q) : null;
      if (whole) msisdn = whole;
      else fragment = digits;
    }
    const rows = await listNumbers(this.db, {
      companyId,
      status: query.status,
      tariff: query.tariff,
      msisdn,
      fragment,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(listItem),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.msisdn) : null,
    };
  }

  /** F11–F13: the number profile. */
  async details(companyId: string, msisdnInput: string) {
    const msisdn = normalizeMsisdn(msisdnInput);
    const r = msisdn ? await findNumber(this.db, companyId, msisdn) : undefined;
    if (!r) throw notFound();
    const balance = BigInt(r.balance_tiyn);
    return {
      ...listItem(r),
      individualLimit: r.individual_limit_tiyn === null ? null : money(r.individual_limit_tiyn),
      creditLimit: money(r.credit_limit_tiyn),
      outstandingBalance: money(outstandingBalance(balance)),
      roaming: r.roaming,
      generalInformation: {
        billingMethod: r.billing_method,
        registrationFormNumber: r.registration_form_number,
        accountNumber: r.account_number,
        accountType: r.account_type,
        esimEnabled: r.esim_enabled,
      },
    };
  }

  /** One number of the company by any accepted form of its msisdn; a foreign or unknown one is 404. */
  async ref(companyId: string, msisdnInput: string, q: Queryable = this.db): Promise<NumberRef> {
    const msisdn = normalizeMsisdn(msisdnInput);
    const r = msisdn ? await findNumberRef(q, companyId, msisdn) : undefined;
    if (!r) throw notFound();
    return r;
  }

  /** The same, locked until the transaction ends: changes to one number are serialised. */
  async lock(tx: Queryable, companyId: string, msisdnInput: string): Promise<NumberRef> {
    const msisdn = normalizeMsisdn(msisdnInput);
    const r = msisdn ? await lockNumberRef(tx, companyId, msisdn) : undefined;
    if (!r) throw notFound();
    return r;
  }

  /** F20: blocks an active number (administrator's block, which the administrator can lift). */
  async block(companyId: string, msisdnInput: string, actor: Actor, lang: Language) {
    return this.actions.run({ action: 'number.block', companyId, actor, msisdnInput }, async (tx) => {
      const n = await this.lock(tx, companyId, msisdnInput);
      if (n.status === 'blocked') throw new AppError('number_already_blocked', 409, { status: n.status });
      const refusal = statusRefusal(n.status);
      if (refusal) throw new AppError(refusal, 409, { status: n.status });
      return this.setStatus(tx, n, 'blocked', actor, lang, 'Blocked by the company administrator');
    });
  }

  /** F20: unblocks a number the administrator blocked; a block for debt stays (the operator lifts it). */
  async unblock(companyId: string, msisdnInput: string, actor: Actor, lang: Language) {
    return this.actions.run({ action: 'number.unblock', companyId, actor, msisdnInput }, async (tx) => {
      const n = await this.lock(tx, companyId, msisdnInput);
      if (n.status === 'active') throw new AppError('number_not_blocked', 409, { status: n.status });
      if (n.status !== 'blocked') throw new AppError(STATUS_REFUSALS[n.status], 409, { status: n.status });
      return this.setStatus(tx, n, 'active', actor, lang, 'Unblocked by the company administrator');
    });
  }

  private async setStatus(
    tx: Queryable,
    n: NumberRef,
    status: 'active' | 'blocked',
    actor: Actor,
    lang: Language,
    reason: string,
  ) {
    const at = await changeStatus(tx, {
      companyId: n.company_id,
      numberId: n.id,
      status,
      administratorId: actor.administratorId,
      reason,
    });
    await this.provisioning.run(tx, {
      kind: status === 'blocked' ? 'block' : 'unblock',
      companyId: n.company_id,
      numberId: n.id,
      msisdn: n.msisdn,
      payload: {},
    });
    return {
      result: {
        msisdn: n.msisdn,
        status,
        previousStatus: n.status,
        statusChangedAt: toIso(at),
        message: t('number_status_changed', lang),
      },
      details: { from: n.status, to: status },
    };
  }

  /** F15: device instalment contracts, newest first. */
  async contracts(companyId: string, msisdnInput: string) {
    const n = await this.ref(companyId, msisdnInput);
    const rows = await listContracts(this.db, companyId, n.id);
    return {
      items: rows.map((c) => ({
        id: c.id,
        status: c.status,
        activatedOn: c.activated_on,
        terminatesOn: c.terminates_on,
        termMonths: c.term_months,
        monthlyPayment: money(c.monthly_payment_tiyn),
        price: money(c.price_tiyn),
        promotionName: c.promotion_name,
        deviceName: c.device_name,
        deviceType: c.device_type,
      })),
    };
  }

  /** F16: remaining (on-net) and additional allowances, names in the caller's language. */
  async allowances(companyId: string, msisdnInput: string, lang: Language) {
    const n = await this.ref(companyId, msisdnInput);
    const rows = await listAllowances(this.db, companyId, n.id, lang);
    const item = (a: (typeof rows)[number]) => ({
      id: a.id,
      name: a.name,
      unit: a.unit,
      unlimited: a.total === null,
      available: a.total === null ? null : a.available,
      total: a.total,
      connectedOn: a.connected_on,
      availableUntil: a.available_until,
    });
    return {
      remaining: rows.filter((a) => a.kind === 'remaining').map(item),
      additional: rows.filter((a) => a.kind === 'additional').map(item),
    };
  }

  /** Tariffs in use by the company's numbers (the numbers list's tariff filter). */
  async tariffs(companyId: string) {
    const rows = await listCompanyTariffs(this.db, companyId);
    return { items: rows.map((r) => ({ code: r.code, name: r.name, numbersCount: Number(r.numbers_count) })) };
  }
}
