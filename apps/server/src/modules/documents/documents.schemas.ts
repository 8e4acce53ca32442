import { z } from 'zod';
import { moneySchema } from '../numbers/numbers.schemas.js';

export const invoiceLookupQuery = z.strictObject({
  invoiceNumber: z
    .string()
    .regex(/^\d{13}$/, 'invalid_invoice_number')
    .optional()
    .meta({ description: 'Invoice number, 13 digits', example: '3024211480941' }),
  registrationNumber: z.string().min(1).max(64).optional().meta({
    description: 'E-invoice registration number (instead of invoiceNumber)',
    example: 'KZ-ESF-202504-000000001',
  }),
  format: z.enum(['json', 'xlsx']).default('json').meta({ description: '`xlsx`: download the list as a spreadsheet' }),
});

export const invoiceSummary = z
  .object({
    invoiceNumber: z.string(),
    registrationNumber: z.string().nullable(),
    accountNumber: z.string(),
    period: z.string().meta({ description: 'Billed month, YYYY-MM' }),
    issuedAt: z.string().meta({ description: 'ISO 8601, UTC' }),
    total: moneySchema,
  })
  .meta({ id: 'InvoiceSummary' });

export const invoiceLookupResult = z
  .object({
    invoice: invoiceSummary,
    items: z.array(z.object({ msisdn: z.string(), invoiceNumber: z.string() })).meta({
      description: 'The mobile numbers on the invoice',
    }),
  })
  .meta({ id: 'InvoiceLookup' });

export const certificateParams = z.object({
  companyId: z.string(),
  invoiceNumber: z
    .string()
    .regex(/^\d{13}$/, 'invalid_invoice_number')
    .meta({ description: 'Invoice number, 13 digits', example: '3024211480941' }),
});

export const breakdownQuery = z.strictObject({
  account: z
    .string()
    .regex(/^\d{1,20}$/, 'field_invalid')
    .meta({ description: 'Personal account number', example: '10021376' }),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'field_invalid')
    .meta({ description: 'Year and month, YYYY-MM', example: '2025-04' }),
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
});

export const pdfFile = z.string().meta({ description: 'application/pdf', format: 'binary' });
