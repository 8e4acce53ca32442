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

export const statusChange = z
  .object({
    msisdn: z.string(),
    status: numberStatus,
    previousStatus: numberStatus,
    statusChangedAt: z.string().meta({ description: 'When the new status took effect (ISO 8601, UTC)' }),
    message: z.string().meta({
      description: "Confirmation in the caller's language",
      example: 'Status has been successfully changed',
    }),
  })
  .meta({ id: 'NumberStatusChange' });

export const contractPhone = z
  .object({
    id: z.uuid(),
    status: z.enum(['activated', 'completed', 'terminated']),
    activatedOn: z.string().meta({ description: 'Date, YYYY-MM-DD', example: '2024-06-27' }),
    terminatesOn: z.string().meta({ description: 'Date, YYYY-MM-DD', example: '2025-05-31' }),
    termMonths: z.number().int(),
    monthlyPayment: moneySchema,
    price: moneySchema,
    promotionName: z.string().nullable(),
    deviceName: z.string(),
    deviceType: z.string(),
  })
  .meta({ id: 'ContractPhone' });

export const contractPhones = z.object({ items: z.array(contractPhone) }).meta({ id: 'ContractPhones' });

export const allowance = z
  .object({
    id: z.uuid(),
    name: z.string().meta({ description: "In the caller's language" }),
    unit: z.enum(['min', 'sms', 'mb']),
    unlimited: z.boolean(),
    available: z.string().nullable().meta({ description: 'Decimal string; null when unlimited', example: '50.00' }),
    total: z.string().nullable().meta({ description: 'Decimal string; null when unlimited', example: '50.00' }),
    connectedOn: z.string().meta({ description: 'Date, YYYY-MM-DD' }),
    availableUntil: z.string().meta({ description: 'Date, YYYY-MM-DD' }),
  })
  .meta({ id: 'Allowance' });

export const allowances = z
  .object({
    remaining: z.array(allowance).meta({ description: 'Remaining allowance: on-net minutes' }),
    additional: z.array(allowance).meta({ description: 'Additional allowances: minutes, SMS, data' }),
  })
  .meta({ id: 'NumberAllowances' });

export const companyTariff = z
  .object({ code: z.string(), name: z.string(), numbersCount: z.number().int() })
  .meta({ id: 'CompanyTariff' });

export const companyTariffs = z.object({ items: z.array(companyTariff) });
