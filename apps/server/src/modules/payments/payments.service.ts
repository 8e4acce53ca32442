import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { type Language, t } from '../../lib/i18n.js';
import { money } from '../../lib/money.js';
import { recordAction } from '../actions/actions.service.js';

interface UnallocatedRow {
  id: string;
  paid_on: string;
  order_number: string;
  amount_tiyn: string;
}

/** Payments of the company that named no personal account yet (F38). */
export class PaymentsService {
  constructor(
    private readonly db: Db,
    private readonly supportEmail: string,
  ) {}

  async unallocated(
    companyId: string,
    query: { limit: number; cursor?: string },
    lang: Language,
    actor: { administratorId: string; ip?: string | null },
  ) {
    const params: unknown[] = [companyId, query.limit + 1];
    let after = '';
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      params.push(c.paidOn, c.id);
      after = 'AND (p.paid_on, p.id) < ($3::date, $4::uuid)';
    }
    const { rows } = await this.db.query<UnallocatedRow>(
      `SELECT p.id, to_char(p.paid_on, 'YYYY-MM-DD') AS paid_on, p.order_number, p.amount_tiyn
         FROM payments p
        WHERE p.company_id = $1 AND p.account_id IS NULL ${after}
        ORDER BY p.paid_on DESC, p.id DESC
        LIMIT $2`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    await recordAction(this.db, {
      action: 'payments.unallocated.view',
      status: 'success',
      companyId,
      administratorId: actor.administratorId,
      ip: actor.ip ?? null,
    });
    const instruction = t('unallocated_payments_instruction', lang, { email: this.supportEmail });
    const any = page.length > 0 || Boolean(query.cursor);
    return {
      items: page.map((r) => ({
        id: r.id,
        paidOn: r.paid_on,
        orderNumber: r.order_number,
        amount: money(r.amount_tiyn),
      })),
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(JSON.stringify({ d: last.paid_on, i: last.id })).toString('base64url')
          : null,
      instruction,
      message: any ? instruction : t('unallocated_payments_none', lang),
    };
  }
}

function decodeCursor(cursor: string): { paidOn: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { d?: unknown; i?: unknown };
    if (
      typeof v.d === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(v.d) &&
      typeof v.i === 'string' &&
      /^[0-9a-f-]{36}$/.test(v.i)
    ) {
      return { paidOn: v.d, id: v.i };
    }
  } catch {
    /* fall through */
  }
  throw new AppError('invalid_cursor', 400, { fields: [{ field: 'cursor', code: 'invalid_cursor' }] });
}
