import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { tariffsKey } from './query-keys';

export type CompanyTariff = components['schemas']['CompanyTariff'];

/** F10: the tariffs of the company's numbers, for the list's tariff filter. */
export function fetchCompanyTariffs(companyId: string): Promise<{ items: CompanyTariff[] }> {
  return unwrap(api.GET('/api/v1/companies/{companyId}/tariffs', { params: { path: { companyId } } }));
}

export function companyTariffsQueryOptions(companyId: string) {
  return queryOptions({
    queryKey: tariffsKey(companyId),
    queryFn: () => fetchCompanyTariffs(companyId),
    staleTime: 5 * 60_000,
  });
}

export function useCompanyTariffs(companyId: string) {
  return useQuery(companyTariffsQueryOptions(companyId));
}
