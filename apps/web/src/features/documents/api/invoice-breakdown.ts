import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import { type DownloadedFile, downloadFrom } from './download';

export type BreakdownFormat = 'pdf' | 'xlsx';
/** A personal account's invoice of a month (`YYYY-MM`), as PDF or XLSX. */
export type BreakdownOrder = { account: string; month: string; format: BreakdownFormat };

/** F39: the invoice breakdown of a personal account for a month, downloaded. */
export function downloadInvoiceBreakdown(companyId: string, order: BreakdownOrder): Promise<DownloadedFile> {
  return downloadFrom(
    api.GET('/api/v1/companies/{companyId}/invoice-breakdown', {
      params: { path: { companyId }, query: order },
      parseAs: 'blob',
    }),
    `invoice-breakdown-${order.account}-${order.month}.${order.format}`,
  );
}

export function useDownloadInvoiceBreakdownMutation(companyId: string) {
  return useMutation<DownloadedFile, ApiError, BreakdownOrder>({
    mutationFn: (order) => downloadInvoiceBreakdown(companyId, order),
  });
}
