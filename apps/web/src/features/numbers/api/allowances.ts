import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { numberPartKey } from './query-keys';

export type Allowance = components['schemas']['Allowance'];
export type NumberAllowances = components['schemas']['NumberAllowances'];

/** F16: remaining (on-net minutes) and additional (minutes, SMS, data) allowances. */
export function fetchAllowances(companyId: string, msisdn: string): Promise<NumberAllowances> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/numbers/{msisdn}/allowances', {
      params: { path: { companyId, msisdn } },
    }),
  );
}

export function allowancesQueryOptions(companyId: string, msisdn: string) {
  return queryOptions({
    queryKey: numberPartKey(companyId, msisdn, 'allowances'),
    queryFn: () => fetchAllowances(companyId, msisdn),
  });
}

export function useAllowances(companyId: string, msisdn: string) {
  return useQuery(allowancesQueryOptions(companyId, msisdn));
}
