import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import { type DownloadedFile, downloadFrom } from './download';

/** F33: the service delivery certificate of an invoice, a PDF made at once. */
export function downloadCertificate(companyId: string, invoiceNumber: string): Promise<DownloadedFile> {
  return downloadFrom(
    api.GET('/api/v1/companies/{companyId}/invoices/{invoiceNumber}/certificate.pdf', {
      params: { path: { companyId, invoiceNumber } },
      parseAs: 'blob',
    }),
    `certificate-${invoiceNumber}.pdf`,
  );
}

export function useDownloadCertificateMutation(companyId: string) {
  return useMutation<DownloadedFile, ApiError, string>({
    mutationFn: (invoiceNumber) => downloadCertificate(companyId, invoiceNumber),
  });
}
