import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';
import type { PortalRequest } from '../../requests/api/requests';

export type EsimOs = components['schemas']['EsimOs'];
export type EsimOrder = components['schemas']['EsimOrder'];

/** F22: issues an eSIM (the QR code, valid for a day). */
export function issueEsim(companyId: string, msisdn: string, os: EsimOs): Promise<EsimOrder> {
  return unwrap(
    api.POST('/api/v1/companies/{companyId}/numbers/{msisdn}/esim-orders', {
      params: { path: { companyId, msisdn } },
      body: { os },
    }),
  ) as Promise<EsimOrder>;
}

/** F22: "Change to eSIM" once the phone has been set up; answers with the request to follow. */
export function confirmEsim(companyId: string, msisdn: string, id: string): Promise<PortalRequest> {
  return unwrap(
    api.POST('/api/v1/companies/{companyId}/numbers/{msisdn}/esim-orders/{id}/confirm', {
      params: { path: { companyId, msisdn, id } },
      body: { confirmed: true },
    }),
  ) as Promise<PortalRequest>;
}

export function useIssueEsimMutation(companyId: string, msisdn: string) {
  return useMutation<EsimOrder, ApiError, EsimOs>({ mutationFn: (os) => issueEsim(companyId, msisdn, os) });
}

export function useConfirmEsimMutation(companyId: string, msisdn: string) {
  return useMutation<PortalRequest, ApiError, string>({ mutationFn: (id) => confirmEsim(companyId, msisdn, id) });
}
