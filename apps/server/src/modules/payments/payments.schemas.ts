import { z } from 'zod';
import { moneySchema } from '../numbers/numbers.schemas.js';

export const unallocatedPayment = z
  .object({
    id: z.uuid(),
    paidOn: z.string().meta({ description: 'Payment date, YYYY-MM-DD', example: '2026-11-18' }),
    orderNumber: z.string().meta({ description: 'Payment order number', example: '10042' }),
    amount: moneySchema,
  })
  .meta({ id: 'UnallocatedPayment' });

export const unallocatedQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const unallocatedPage = z
  .object({
    items: z.array(unallocatedPayment),
    nextCursor: z.string().nullable(),
    instruction: z.string().meta({
      description: "What to do about unallocated payments (send an allocation register), in the caller's language",
    }),
    message: z.string().meta({
      description:
        "The line to show, in the caller's language: the instruction when there are unallocated payments, " +
        'otherwise "You have no unallocated payments."',
    }),
  })
  .meta({ id: 'UnallocatedPayments' });
