/**
 * Balance transfer (F40): money moves between two numbers of one company as one ledger
 * transaction of exactly two entries, never more, never less.
 *
 * Concurrency: the two numbers are share-locked (their status holds), then their ledger accounts
 * are locked FOR UPDATE in id order — the order every posting uses — so concurrent transfers in
 * any direction neither deadlock nor lose an update, and the funds checked are the funds moved.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db, Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { TextKey } from '../../lib/i18n.js';
import { money } from '../../lib/money.js';
import { recordAction } from '../actions/actions.service.js';
import { configuredAmountTiyn, formatTenge, parsePositiveAmount } from '../billing/amount.js';
import { availableFunds, lockFunds } from '../billing/funds.js';
import { claimKey, requestHash, type StoredResponse, storeResponse } from '../billing/idempotency.js';
import { ensureNumberAccounts, post } from '../billing/ledger.js';
import { insertTransfer, listTransfers, lockTransferNumbers, type TransferNumber } from './transfers.repository.js';
import type { BalanceTransferDto, TransferBody } from './transfers.schemas.js';

export interface TransferActor {
  administratorId: string;
  ip?: string | null;
}

export interface TransferResult extends StoredResponse {
  /** True when the response is the stored one of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

const OPERATION = 'balance_transfer';

const REFUSALS: Record<'from' | 'to', Record<Exclude<TransferNumber['status'], 'active'>, TextKey>> = {
  from: {
    blocked: 'transfer_sender_blocked',
    blocked_debt: 'transfer_sender_blocked_debt',
    suspended: 'transfer_sender_suspended',
    terminated: 'transfer_sender_terminated',
  },
  to: {
    blocked: 'transfer_recipient_blocked',
    blocked_debt: 'transfer_recipient_blocked_debt',
    suspended: 'transfer_recipient_suspended',
    terminated: 'transfer_recipient_terminated',
  },
};

/** PostgreSQL's "try again" errors: a deadlock or a serialization failure rolls back cleanly. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

function fieldError(code: TextKey, status: number, field: string, params: Record<string, string> = {}, extra = {}) {
  return new AppError(code, status, { fields: [{ field, code }], ...extra }, params);
}

export class TransfersService {
  readonly maxTiyn: bigint;

  constructor(
    private readonly db: Db,
    config: Pick<Config, 'TRANSFER_MAX_AMOUNT'>,
  ) {
    this.maxTiyn = configuredAmountTiyn(config.TRANSFER_MAX_AMOUNT);
  }

  /**
   * Transfers `amount` from one number of the company to another. Refusals change nothing and are
   * recorded in the actions history like successes. A number that is not the company's is 404.
   */
  async create(
    companyId: string,
    body: TransferBody,
    actor: TransferActor,
    idempotencyKey?: string,
  ): Promise<TransferResult> {
    const details = { from: body.from, to: body.to, amount: body.amount.trim() };
    const audit = {
      action: 'balance_transfer',
      companyId,
      administratorId: actor.administratorId,
      ip: actor.ip ?? null,
      target: body.from,
    };
    try {
      return await this.attempt(companyId, body, actor, idempotencyKey, audit);
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'internal_error';
      // The refusal is history too; a failure to write it must not hide the refusal itself.
      await recordAction(this.db, { ...audit, status: 'failure', details: { ...details, code } }).catch(
        () => undefined,
      );
      throw err;
    }
  }

  private async attempt(
    companyId: string,
    body: TransferBody,
    actor: TransferActor,
    idempotencyKey: string | undefined,
    audit: { action: string; companyId: string; administratorId: string; ip: string | null; target: string },
  ): Promise<TransferResult> {
    const parsed = parsePositiveAmount(body.amount, this.maxTiyn);
    if (parsed.problem) {
      throw new AppError(
        'validation_failed',
        400,
        { fields: [{ field: 'amount', code: parsed.problem }] },
        { fields: 'amount', max: formatTenge(this.maxTiyn) },
      );
    }
    const amount = parsed.tiyn;
    if (body.from === body.to) throw fieldError('transfer_same_number', 400, 'to');
    const hash = requestHash(OPERATION, { from: body.from, to: body.to, amount: amount.toString() });

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          if (idempotencyKey) {
            const stored = await claimKey(tx, { companyId, key: idempotencyKey, operation: OPERATION, hash });
            if (stored) return { ...stored, replayed: true };
          }
          const dto = await this.transfer(tx, companyId, body.from, body.to, amount, actor, idempotencyKey);
          const response = { status: 201, body: dto };
          if (idempotencyKey) await storeResponse(tx, { companyId, key: idempotencyKey }, response);
          await recordAction(tx, {
            ...audit,
            status: 'success',
            details: { from: dto.from, to: dto.to, amount: dto.amount.amount, transferId: dto.id },
          });
          return { ...response, replayed: false };
        });
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (attempt < MAX_ATTEMPTS && typeof code === 'string' && RETRYABLE.has(code)) continue;
        throw err;
      }
    }
  }

  /** The transfer itself, inside the caller's transaction. */
  private async transfer(
    tx: Queryable,
    companyId: string,
    from: string,
    to: string,
    amount: bigint,
    actor: TransferActor,
    idempotencyKey: string | undefined,
  ): Promise<BalanceTransferDto> {
    const numbers = await lockTransferNumbers(tx, companyId, [from, to]);
    const sender = numbers.find((n) => n.msisdn === from);
    const recipient = numbers.find((n) => n.msisdn === to);
    // Another company's number answers exactly like a number that does not exist.
    if (!sender || !recipient) throw notFound();
    if (sender.status !== 'active') throw fieldError(REFUSALS.from[sender.status], 409, 'from');
    if (recipient.status !== 'active') throw fieldError(REFUSALS.to[recipient.status], 409, 'to');

    const ids = [sender.id, recipient.id];
    let funds = await lockFunds(tx, companyId, ids);
    if (funds.length < 2) {
      // A number added after the demo may not have its ledger account yet.
      await ensureNumberAccounts(tx, ids);
      funds = await lockFunds(tx, companyId, ids);
    }
    const fromFunds = funds.find((f) => f.numberId === sender.id);
    const toFunds = funds.find((f) => f.numberId === recipient.id);
    if (!fromFunds?.ledgerAccountId || !toFunds?.ledgerAccountId) throw new Error('ledger accounts missing');
    if (fromFunds.available < amount) {
      throw fieldError(
        'transfer_insufficient_funds',
        422,
        'amount',
        { available: formatTenge(fromFunds.available) },
        { availableFunds: money(fromFunds.available) },
      );
    }

    const id = randomUUID();
    const posted = await post(
      tx,
      {
        kind: 'transfer',
        companyId,
        reference: `transfer:${id}`,
        description: `Balance transfer ${from} → ${to}`,
        entries: [
          { accountId: fromFunds.ledgerAccountId, amountTiyn: -amount },
          { accountId: toFunds.ledgerAccountId, amountTiyn: amount },
        ],
      },
      { accountsLocked: true },
    );
    const row = await insertTransfer(tx, {
      id,
      companyId,
      fromNumberId: sender.id,
      toNumberId: recipient.id,
      amountTiyn: amount,
      ledgerTransactionId: posted.id,
      administratorId: actor.administratorId,
      idempotencyKey: idempotencyKey ?? null,
    });
    return {
      id,
      from,
      to,
      amount: money(amount),
      createdAt: row.created_at,
      fromAvailableFunds: money(availableFunds({ ...fromFunds, balance: fromFunds.balance - amount })),
      toAvailableFunds: money(availableFunds({ ...toFunds, balance: toFunds.balance + amount })),
    };
  }

  /** A request refused by validation before it reached `create`: recorded in the actions history too. */
  async recordInvalid(companyId: string, actor: TransferActor, body: unknown, fields: string[]): Promise<void> {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const text = (v: unknown) =>
      typeof v === 'string' ? v.slice(0, 40) : v === undefined ? null : JSON.stringify(v).slice(0, 40);
    await recordAction(this.db, {
      action: 'balance_transfer',
      status: 'failure',
      companyId,
      administratorId: actor.administratorId,
      ip: actor.ip ?? null,
      target: typeof b.from === 'string' ? b.from.slice(0, 40) : null,
      details: { from: text(b.from), to: text(b.to), amount: text(b.amount), code: 'validation_failed', fields },
    });
  }

  /** The company's transfers, newest first, cursor-paged. */
  async list(companyId: string, query: { limit: number; cursor?: string }) {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await listTransfers(this.db, { companyId, limit: query.limit + 1, after });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        from: r.from_msisdn,
        to: r.to_msisdn,
        amount: money(r.amount_tiyn),
        createdAt: r.created_at,
      })),
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(JSON.stringify({ c: last.created_at_us, i: last.id })).toString('base64url')
          : null,
    };
  }
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    if (
      typeof v.c === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v.c) &&
      typeof v.i === 'string' &&
      /^[0-9a-f-]{36}$/.test(v.i)
    ) {
      return { createdAt: v.c, id: v.i };
    }
  } catch {
    /* fall through */
  }
  throw new AppError('invalid_cursor', 400, { fields: [{ field: 'cursor', code: 'invalid_cursor' }] });
}
