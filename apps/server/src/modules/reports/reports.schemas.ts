import { z } from 'zod';
import { moneySchema } from '../numbers/numbers.schemas.js';

export const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'field_invalid')
  .meta({
    description: 'Calendar date in Almaty, YYYY-MM-DD (both ends of a period are included)',
    example: '2025-04-16',
  });

export const emailField = z
  .string()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'invalid_email')
  .meta({ description: "Where to send the report; default: the administrator's e-mail", example: 'aliya@example.com' });

export const periodSchema = z
  .object({ from: z.string(), to: z.string() })
  .meta({ id: 'ReportPeriod', description: 'The period used (defaults filled in), dates YYYY-MM-DD' });

// ---------------------------------------------------------------------------------------------
// Usage details (F19)

export const usageReportBody = z.strictObject({
  from: dateField.optional().meta({ description: 'Start date; default: one month before today' }),
  to: dateField.optional().meta({ description: 'End date (included); default: today' }),
  output: z.enum(['screen', 'xlsx', 'email']).default('screen').meta({
    description:
      '`screen`: rows now (200, paged); `xlsx`: a file in the requests centre (202); `email`: the file e-mailed too (202)',
  }),
  email: emailField.optional(),
  cursor: z.string().max(300).optional().meta({ description: 'screen: `nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'screen: rows per page' }),
});

export const usageRecord = z
  .object({
    occurredAt: z.string().meta({ description: 'ISO 8601, UTC (show in Almaty time)' }),
    type: z.enum(['call', 'sms', 'data']),
    direction: z.enum(['outgoing', 'incoming']),
    otherParty: z.string().nullable().meta({ description: 'The other number (calls, SMS) or the access point (data)' }),
    durationSeconds: z.number().int().nullable().meta({ description: 'Calls' }),
    volumeKb: z.number().int().nullable().meta({ description: 'Data, kilobytes' }),
    cost: moneySchema,
  })
  .meta({ id: 'UsageRecord' });

export const usagePage = z
  .object({
    period: periodSchema,
    totals: z.object({ records: z.number().int(), cost: moneySchema }).meta({ description: 'The whole period' }),
    items: z.array(usageRecord),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'UsagePage' });

// ---------------------------------------------------------------------------------------------
// Reports e-mailed (F32, F34–F37)

export const reportType = z
  .enum(['numbers', 'invoice-register', 'reconciliation', 'registered-devices', 'payments'])
  .meta({ id: 'ReportType' });

export const reportBody = z.strictObject({
  type: reportType.meta({
    description:
      '`numbers` (F32, XLSX), `invoice-register` (F34, XLSX, period within the past 3 years), `reconciliation` ' +
      '(F35, PDF, period within the past 36 months, closed months only), `registered-devices` (F36, XLSX), ' +
      '`payments` (F37, XLSX, period within the past 6 months)',
  }),
  from: dateField.optional().meta({
    description:
      'Start date (invoice-register, reconciliation, payments); default: one month before today (reconciliation: the 1st of last month)',
  }),
  to: dateField
    .optional()
    .meta({ description: 'End date, included; default: today (reconciliation: the end of last month)' }),
  email: emailField.optional(),
});

// ---------------------------------------------------------------------------------------------
// Actions history (F31)

export const actionsQuery = z.strictObject({
  from: dateField.optional().meta({ description: 'Start date; default: one month before today' }),
  to: dateField.optional().meta({ description: 'End date (included); default: today' }),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  format: z
    .enum(['json', 'xlsx'])
    .default('json')
    .meta({ description: '`xlsx`: the whole period as a spreadsheet download instead of a JSON page' }),
});

export const actionItem = z
  .object({
    id: z.string(),
    action: z.string().meta({ description: 'Stable action code', example: 'invoice.find_numbers' }),
    actionText: z.string().meta({
      description: "The action in the caller's language, with its target",
      example: 'Getting a list of mobile numbers by invoice number 3024211480941',
    }),
    status: z.enum(['success', 'failure']),
    createdAt: z.string().meta({ description: 'ISO 8601, UTC (show in Almaty time)' }),
    administrator: z
      .object({ name: z.string(), phone: z.string() })
      .nullable()
      .meta({ description: 'Who did it', example: { name: 'Ussanova Aliya', phone: '77012112101' } }),
    target: z.string().nullable().meta({ description: 'Number, invoice, e-mail … acted on' }),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ActionHistoryItem' });

export const actionsPage = z
  .object({ period: periodSchema, items: z.array(actionItem), nextCursor: z.string().nullable() })
  .meta({ id: 'ActionsHistoryPage' });
