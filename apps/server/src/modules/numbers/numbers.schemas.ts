import { z } from 'zod';

export const numberStatus = z.enum(['active', 'blocked', 'blocked_debt', 'suspended', 'terminated']);

export const moneySchema = z
  .object({
    amount: z.string().meta({ description: 'Decimal string, never a float', example: '9970.33' }),
    currency: z.literal('KZT'),
  })
  .meta({ id: 'Money' });

const tariff = z.object({ code: z.string(), name: z.string() });

export const numberListItem = z
  .object({
    msisdn: z.string().meta({ example: '77012112101' }),
    accountNumber: z.string(),
    tariff,
    billingMethod: z.enum(['credit', 'advance']),
    status: numberStatus,
    statusChangedAt: z.string(),
    availableFunds: moneySchema,
  })
  .meta({ id: 'NumberListItem' });

export const numbersQuery = z.strictObject({
  q: z
    .string()
    .max(40)
    .optional()
    .meta({ description: 'A fragment of the number, or a personal account number (digits)' }),
  status: numberStatus.optional(),
  tariff: z.string().max(60).optional().meta({ description: 'Tariff code' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const numbersPage = z.object({ items: z.array(numberListItem), nextCursor: z.string().nullable() });

export const numberParams = z.object({ companyId: z.string(), msisdn: z.string() });

export const numberDetails = z
  .object({
    msisdn: z.string(),
    status: numberStatus,
    statusChangedAt: z.string(),
    tariff,
    availableFunds: moneySchema.meta({ description: 'Balance available until the end of the bill cycle' }),
    individualLimit: moneySchema.nullable(),
    creditLimit: moneySchema,
    outstandingBalance: moneySchema.meta({ description: 'Debt from previous billing periods' }),
    roaming: z.boolean(),
    generalInformation: z.object({
      billingMethod: z.enum(['credit', 'advance']),
      registrationFormNumber: z.string().nullable(),
      accountNumber: z.string(),
      accountType: z.enum(['separate', 'common']),
      esimEnabled: z.boolean(),
    }),
  })
  .meta({ id: 'NumberDetails' });
