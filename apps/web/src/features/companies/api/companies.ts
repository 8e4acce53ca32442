import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { paths } from '../../../lib/api/schema';

type CompaniesResponse = paths['/api/v1/companies']['get']['responses'][200]['content']['application/json'];
export type Company = CompaniesResponse['items'][number];

export function fetchCompanies(): Promise<CompaniesResponse> {
  return unwrap(api.GET('/api/v1/companies'));
}

export function companiesQueryOptions() {
  return queryOptions({ queryKey: ['companies'], queryFn: fetchCompanies, staleTime: 5 * 60_000 });
}

export function useCompanies() {
  return useQuery(companiesQueryOptions());
}

export function companyDisplayName(company: Pick<Company, 'alias' | 'fullName'>): string {
  return company.alias?.trim() ? company.alias : company.fullName;
}
