import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';
import { type PortalRequest, requestsKey } from '../../requests/api/requests';

/** The e-mailed reports: F32 `numbers`, F34 `invoice-register`, F35 `reconciliation`, F36 `registered-devices`, F37 `payments`. */
export type EmailedReportType = components['schemas']['ReportTypeInput'];

export type ReportOrder = { type: EmailedReportType; from?: string; to?: string; email: string };

/** Orders a report: 202 with the request of the requests centre; a job builds the file and e-mails it. */
export function requestReport(companyId: string, order: ReportOrder): Promise<PortalRequest> {
  return unwrap(
    api.POST('/api/v1/companies/{companyId}/reports', { params: { path: { companyId } }, body: order }),
  ) as Promise<PortalRequest>;
}

export function useRequestReportMutation(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<PortalRequest, ApiError, ReportOrder>({
    mutationFn: (order) => requestReport(companyId, order),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: requestsKey(companyId) }),
  });
}
