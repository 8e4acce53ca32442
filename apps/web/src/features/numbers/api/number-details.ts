import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { paths } from '../../../lib/api/schema';
import { numberKey } from './query-keys';

export type NumberDetails =
  paths['/api/v1/companies/{companyId}/numbers/{msisdn}']['get']['responses'][200]['content']['application/json'];

export function fetchNumberDetails(companyId: string, msisdn: string): Promise<NumberDetails> {
  return unwrap(api.GET('/api/v1/companies/{companyId}/numbers/{msisdn}', { params: { path: { companyId, msisdn } } }));
}

export function numberDetailsQueryOptions(companyId: string, msisdn: string) {
  return queryOptions({
    queryKey: numberKey(companyId, msisdn),
    queryFn: () => fetchNumberDetails(companyId, msisdn),
  });
}

export function useNumberDetails(companyId: string, msisdn: string) {
  return useQuery(numberDetailsQueryOptions(companyId, msisdn));
}
