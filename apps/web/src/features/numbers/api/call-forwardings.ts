import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';
import { numberPartKey } from './query-keys';

export type CallForwarding = components['schemas']['CallForwarding'];
export type CallForwardings = components['schemas']['CallForwardings'];
export type ForwardingType = components['schemas']['ForwardingType'];
export type ForwardingServiceCode = components['schemas']['ForwardingService']['code'];
export type NewCallForwarding = components['schemas']['NewCallForwarding'];

export const FORWARDING_TYPES: readonly ForwardingType[] = ['unconditional', 'busy', 'no_answer', 'unreachable'];

/** F23: the number's forwardings and the services calls can be forwarded to. */
export function fetchCallForwardings(companyId: string, msisdn: string): Promise<CallForwardings> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/numbers/{msisdn}/call-forwardings', {
      params: { path: { companyId, msisdn } },
    }),
  );
}

export function callForwardingsQueryOptions(companyId: string, msisdn: string) {
  return queryOptions({
    queryKey: numberPartKey(companyId, msisdn, 'call-forwardings'),
    queryFn: () => fetchCallForwardings(companyId, msisdn),
    staleTime: 0,
  });
}

export function useCallForwardings(companyId: string, msisdn: string) {
  return useQuery(callForwardingsQueryOptions(companyId, msisdn));
}

export function addCallForwarding(companyId: string, msisdn: string, body: NewCallForwarding) {
  return unwrap(
    api.POST('/api/v1/companies/{companyId}/numbers/{msisdn}/call-forwardings', {
      params: { path: { companyId, msisdn } },
      body,
    }),
  );
}

export async function removeCallForwarding(companyId: string, msisdn: string, id: string): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/companies/{companyId}/numbers/{msisdn}/call-forwardings/{id}', {
      params: { path: { companyId, msisdn, id } },
    }),
  );
}

function useForwardingsRefresh(companyId: string, msisdn: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: numberPartKey(companyId, msisdn, 'call-forwardings') });
}

export function useAddCallForwardingMutation(companyId: string, msisdn: string) {
  const refresh = useForwardingsRefresh(companyId, msisdn);
  return useMutation<CallForwarding, ApiError, NewCallForwarding>({
    mutationFn: (body) => addCallForwarding(companyId, msisdn, body),
    onSettled: refresh,
  });
}

export function useRemoveCallForwardingMutation(companyId: string, msisdn: string) {
  const refresh = useForwardingsRefresh(companyId, msisdn);
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => removeCallForwarding(companyId, msisdn, id),
    onSettled: refresh,
  });
}
