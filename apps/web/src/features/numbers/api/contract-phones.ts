import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { numberPartKey } from './query-keys';

export type ContractPhone = components['schemas']['ContractPhone'];

/** F15: the number's device instalment contracts, newest first. */
export function fetchContractPhones(companyId: string, msisdn: string): Promise<{ items: ContractPhone[] }> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/numbers/{msisdn}/contract-phones', {
      params: { path: { companyId, msisdn } },
    }),
  );
}

export function contractPhonesQueryOptions(companyId: string, msisdn: string) {
  return queryOptions({
    queryKey: numberPartKey(companyId, msisdn, 'contract-phones'),
    queryFn: () => fetchContractPhones(companyId, msisdn),
  });
}

export function useContractPhones(companyId: string, msisdn: string) {
  return useQuery(contractPhonesQueryOptions(companyId, msisdn));
}
