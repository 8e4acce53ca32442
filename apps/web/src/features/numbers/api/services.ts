import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';
import { numberPartKey } from './query-keys';

export type NumberService = components['schemas']['NumberService'];
export type NumberServices = components['schemas']['NumberServices'];
export type ServiceCategory = components['schemas']['ServiceCategory'];

/** F17, F18: every service of the catalog with its state on the number, by category. */
export function fetchNumberServices(companyId: string, msisdn: string): Promise<NumberServices> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/numbers/{msisdn}/services', { params: { path: { companyId, msisdn } } }),
  );
}

export function numberServicesQueryOptions(companyId: string, msisdn: string) {
  return queryOptions({
    queryKey: numberPartKey(companyId, msisdn, 'services'),
    queryFn: () => fetchNumberServices(companyId, msisdn),
  });
}

export function useNumberServices(companyId: string, msisdn: string) {
  return useQuery(numberServicesQueryOptions(companyId, msisdn));
}

export type ServiceToggle = { serviceCode: string; connect: boolean };

/** Connects (PUT) or disconnects (DELETE) a service; the network confirms it or nothing changes. */
export function toggleService(companyId: string, msisdn: string, { serviceCode, connect }: ServiceToggle) {
  const params = { params: { path: { companyId, msisdn, serviceCode } } };
  const path = '/api/v1/companies/{companyId}/numbers/{msisdn}/services/{serviceCode}' as const;
  return unwrap(connect ? api.PUT(path, params) : api.DELETE(path, params));
}

export function useToggleServiceMutation(companyId: string, msisdn: string) {
  const queryClient = useQueryClient();
  const servicesKey = numberPartKey(companyId, msisdn, 'services');
  return useMutation<NumberService, ApiError, ServiceToggle>({
    mutationFn: (toggle) => toggleService(companyId, msisdn, toggle),
    onSuccess: (updated) => {
      queryClient.setQueryData<NumberServices>(servicesKey, (previous) =>
        previous
          ? {
              ...previous,
              categories: previous.categories.map((category) => ({
                ...category,
                services: category.services.map((service) => (service.code === updated.code ? updated : service)),
              })),
            }
          : previous,
      );
    },
    // Other services' availability (exclusive packs, prerequisites) and the allowances follow a change; after a
    // refusal the list may simply have been out of date.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: servicesKey }),
        queryClient.invalidateQueries({ queryKey: numberPartKey(companyId, msisdn, 'allowances') }),
      ]),
  });
}
