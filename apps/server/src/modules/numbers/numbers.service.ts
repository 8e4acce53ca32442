import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../lib/errors.js';
import { normalizeMsisdn } from '../../lib/identifiers.js';
import { money } from '../../lib/money.js';
import { findNumber, listNumbers, type NumberRow } from './numbers.repository.js';

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

export class NumbersService {
  constructor(private readonly db: Db) {}

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
      outstandingBalance: money(balance < 0n ? -balance : 0n),
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
}
