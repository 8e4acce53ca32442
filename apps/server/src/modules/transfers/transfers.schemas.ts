import { z } from 'zod';
import { normalizeMsisdn } from '../../lib/identifiers.js';
import { parsePositiveAmount } from '../billing/amount.js';
import { moneySchema } from '../numbers/numbers.schemas.js';

const msisdnInput = z
  .string({ error: (issue) => (issue.input === undefined ? 'field_required' : 'invalid_msisdn') })
  .max(40, 'invalid_msisdn')
  .refine((v) => normalizeMsisdn(v) !== null, { message: 'invalid_msisdn' })
  .transform((v) => normalizeMsisdn(v) as string);

/** Tenge as a decimal string: a JSON number is refused too, so no amount ever passes through a float. */
const amountInput = z
  .string({ error: (issue) => (issue.input === undefined ? 'field_required' : 'amount_not_string') })
  .max(40, 'amount_invalid')
  .superRefine((v, ctx) => {
    const { problem } = parsePositiveAmount(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description:
      'Tenge with at most 2 decimals (tiyn), as a string; positive and at most the configured maximum ' +
      '(TRANSFER_MAX_AMOUNT, default 1,000,000 ₸).',
    example: '50.00',
  });

export const transferBody = z
  .strictObject({
    from: msisdnInput.meta({
      description: "Sender: one of the company's numbers, any usual form",
      example: '77012112101',
    }),
    to: msisdnInput.meta({ description: "Recipient: another of the company's numbers", example: '+7 701 211 77 05' }),
    amount: amountInput,
  })
  .meta({ id: 'NewBalanceTransfer' });

export type TransferBody = z.infer<typeof transferBody>;

export const transferHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'field_invalid')
    .optional()
    .meta({
      description:
        'Makes the transfer safe to retry: a replay with the same key and body returns the first response ' +
        '(same status and body, header `idempotent-replayed: true`); the same key with another body is 422 ' +
        '`idempotency_key_reused`. Printable ASCII, at most 255 characters.',
    }),
});

export const balanceTransfer = z
  .object({
    id: z.uuid(),
    from: z.string().meta({ example: '77012112101' }),
    to: z.string().meta({ example: '77012117705' }),
    amount: moneySchema,
    createdAt: z.string(),
    fromAvailableFunds: moneySchema.meta({ description: "The sender's available funds after the transfer" }),
    toAvailableFunds: moneySchema.meta({ description: "The recipient's available funds after the transfer" }),
  })
  .meta({ id: 'BalanceTransfer' });

export type BalanceTransferDto = z.infer<typeof balanceTransfer>;

export const transferListItem = z
  .object({
    id: z.uuid(),
    from: z.string(),
    to: z.string(),
    amount: moneySchema,
    createdAt: z.string(),
  })
  .meta({ id: 'BalanceTransferListItem' });

export const transfersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const transfersPage = z.object({ items: z.array(transferListItem), nextCursor: z.string().nullable() });
