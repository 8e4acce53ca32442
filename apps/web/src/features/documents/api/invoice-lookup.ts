import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';
import { type DownloadedFile, downloadFrom } from './download';

export type InvoiceLookup = components['schemas']['InvoiceLookup'];

/** What to look an invoice up by: its number (13 digits) or its e-invoice registration number. */
export type InvoiceKey = { by: 'invoiceNumber' | 'registrationNumber'; value: string };
export type InvoiceLookupOutput = 'screen' | 'xlsx';
export type InvoiceLookupOrder = InvoiceKey & { output: InvoiceLookupOutput };

export type InvoiceLookupAnswer =
  | { output: 'screen'; result: InvoiceLookup }
  | { output: 'xlsx'; file: DownloadedFile };

function keyQuery(key: InvoiceKey) {
  return key.by === 'invoiceNumber' ? { invoiceNumber: key.value } : { registrationNumber: key.value };
}

/** F30 on screen: the invoice and the mobile numbers on it. */
export function lookupInvoice(companyId: string, key: InvoiceKey): Promise<InvoiceLookup> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/invoice-lookup', {
      params: { path: { companyId }, query: keyQuery(key) },
    }),
  );
}

/** F30 as a file: the same list as a spreadsheet download. */
export function downloadInvoiceLookup(companyId: string, key: InvoiceKey): Promise<DownloadedFile> {
  return downloadFrom(
    api.GET('/api/v1/companies/{companyId}/invoice-lookup', {
      params: { path: { companyId }, query: { ...keyQuery(key), format: 'xlsx' } },
      parseAs: 'blob',
    }),
    `numbers-by-invoice-${key.value}.xlsx`,
  );
}

export function useInvoiceLookupMutation(companyId: string) {
  return useMutation<InvoiceLookupAnswer, ApiError, InvoiceLookupOrder>({
    mutationFn: async ({ output, ...key }) =>
      output === 'screen'
        ? { output, result: await lookupInvoice(companyId, key) }
        : { output, file: await downloadInvoiceLookup(companyId, key) },
  });
}
