import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';
import { numberPartKey } from './query-keys';

export type SimCard = components['schemas']['SimCard'];
export type SimSecrets = components['schemas']['SimSecrets'];

/** F14: replacement date, ICCID, IMEI (PIN/PUK come only from an explicit reveal). */
export function fetchSimCard(companyId: string, msisdn: string): Promise<SimCard> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/numbers/{msisdn}/sim', { params: { path: { companyId, msisdn } } }),
  );
}

export function simCardQueryOptions(companyId: string, msisdn: string) {
  return queryOptions({
    queryKey: numberPartKey(companyId, msisdn, 'sim'),
    queryFn: () => fetchSimCard(companyId, msisdn),
  });
}

export function useSimCard(companyId: string, msisdn: string) {
  return useQuery(simCardQueryOptions(companyId, msisdn));
}

/** F14: PIN1, PIN2, PUK1, PUK2. Each call is recorded in the actions history, so it is never cached or retried. */
export function revealSimSecrets(companyId: string, msisdn: string): Promise<SimSecrets> {
  return unwrap(
    api.POST('/api/v1/companies/{companyId}/numbers/{msisdn}/sim/secrets', {
      params: { path: { companyId, msisdn } },
    }),
  );
}

export function useRevealSimSecretsMutation(companyId: string, msisdn: string) {
  return useMutation<SimSecrets, ApiError, void>({ mutationFn: () => revealSimSecrets(companyId, msisdn) });
}
