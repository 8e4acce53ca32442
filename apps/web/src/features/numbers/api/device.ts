import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';
import type { PortalRequest } from '../../requests/api/requests';
import { numberKey, numberPartKey } from './query-keys';

export type DeviceStatus = components['schemas']['DeviceStatus'];
export type DeviceRegistration = components['schemas']['DeviceRegistration'];
export type DeviceRegistrationState = components['schemas']['DeviceRegistrationState'];
export type NewDeviceRegistration = components['schemas']['NewDeviceRegistration'];

/** F24: the last detected IMEI, its registration status and the registry's last answer. */
export function fetchDeviceStatus(companyId: string, msisdn: string): Promise<DeviceStatus> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/numbers/{msisdn}/device', { params: { path: { companyId, msisdn } } }),
  );
}

export function fetchDeviceRegistrations(companyId: string, msisdn: string) {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/numbers/{msisdn}/device-registrations', {
      params: { path: { companyId, msisdn } },
    }),
  );
}

/** While a request waits for the registry, both are refetched every 2 s. */
export function deviceStatusQueryOptions(companyId: string, msisdn: string) {
  return queryOptions({
    queryKey: numberPartKey(companyId, msisdn, 'device'),
    queryFn: () => fetchDeviceStatus(companyId, msisdn),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.pendingRequestId ? 2000 : false),
  });
}

export function useDeviceStatus(companyId: string, msisdn: string) {
  return useQuery(deviceStatusQueryOptions(companyId, msisdn));
}

export function useDeviceRegistrations(companyId: string, msisdn: string, pending: boolean) {
  return useQuery({
    queryKey: numberPartKey(companyId, msisdn, 'device-registrations'),
    queryFn: () => fetchDeviceRegistrations(companyId, msisdn),
    staleTime: 0,
    refetchInterval: pending ? 2000 : false,
  });
}

export function registerDevice(companyId: string, msisdn: string, body: NewDeviceRegistration) {
  return unwrap(
    api.POST('/api/v1/companies/{companyId}/numbers/{msisdn}/device-registrations', {
      params: { path: { companyId, msisdn } },
      body,
    }),
  ) as Promise<PortalRequest>;
}

export function removeDevice(companyId: string, msisdn: string, imei: string) {
  return unwrap(
    api.DELETE('/api/v1/companies/{companyId}/numbers/{msisdn}/device-registrations/{imei}', {
      params: { path: { companyId, msisdn, imei } },
    }),
  ) as Promise<PortalRequest>;
}

function useDeviceRefresh(companyId: string, msisdn: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: numberKey(companyId, msisdn) });
}

export function useRegisterDeviceMutation(companyId: string, msisdn: string) {
  const refresh = useDeviceRefresh(companyId, msisdn);
  return useMutation<PortalRequest, ApiError, NewDeviceRegistration>({
    mutationFn: (body) => registerDevice(companyId, msisdn, body),
    onSettled: refresh,
  });
}

export function useRemoveDeviceMutation(companyId: string, msisdn: string) {
  const refresh = useDeviceRefresh(companyId, msisdn);
  return useMutation<PortalRequest, ApiError, string>({
    mutationFn: (imei) => removeDevice(companyId, msisdn, imei),
    onSettled: refresh,
  });
}
