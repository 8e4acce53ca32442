import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { PortalRequest } from '../../requests/api/requests';

/** The page's own check of an ICCID: 19–20 digits starting with 89 (the server also checks the Luhn digit). */
export function isIccidShaped(value: string): boolean {
  return /^89\d{17,18}$/.test(value);
}

/** F21: asks for the SIM card replacement; answers with the request to follow. */
export function replaceSim(companyId: string, msisdn: string, iccid: string): Promise<PortalRequest> {
  return unwrap(
    api.POST('/api/v1/companies/{companyId}/numbers/{msisdn}/sim-replacement', {
      params: { path: { companyId, msisdn } },
      body: { iccid },
    }),
  ) as Promise<PortalRequest>;
}

export function useReplaceSimMutation(companyId: string, msisdn: string) {
  return useMutation<PortalRequest, ApiError, string>({ mutationFn: (iccid) => replaceSim(companyId, msisdn, iccid) });
}
