import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';

export type PortalRequest = components['schemas']['Request'];
export type RequestStatus = components['schemas']['RequestStatus'];
export type RequestsPage = components['schemas']['RequestsPage'];

export function isRequestDone(request: Pick<PortalRequest, 'status'> | undefined): boolean {
  return request?.status === 'succeeded' || request?.status === 'failed';
}

export const requestsKey = (companyId: string) => ['companies', companyId, 'requests'] as const;
export const requestKey = (companyId: string, id: string) => [...requestsKey(companyId), 'one', id] as const;

export function fetchRequest(companyId: string, id: string): Promise<PortalRequest> {
  return unwrap(api.GET('/api/v1/companies/{companyId}/requests/{id}', { params: { path: { companyId, id } } }));
}

/** One request, polled every second until it has succeeded or failed. */
export function useRequest(companyId: string, id: string | null) {
  return useQuery({
    queryKey: requestKey(companyId, id ?? ''),
    queryFn: () => fetchRequest(companyId, id ?? ''),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (isRequestDone(query.state.data) ? false : 1000),
  });
}

export function fetchRequests(companyId: string, limit = 50): Promise<RequestsPage> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/requests', { params: { path: { companyId }, query: { limit } } }),
  );
}

export function requestsQueryOptions(companyId: string, live: boolean) {
  return queryOptions({
    queryKey: [...requestsKey(companyId), 'list'],
    queryFn: () => fetchRequests(companyId),
    staleTime: 0,
    // Without the event stream the list is refreshed every 5 s.
    refetchInterval: live ? false : 5000,
  });
}

/**
 * The company's requests, kept current by the server's event stream (`…/requests/events`, event `request`); when
 * the stream is not available, by a refetch every 5 s.
 */
export function useLiveRequests(companyId: string) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/companies/${encodeURIComponent(companyId)}/requests/events`, {
      withCredentials: true,
    });
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    // An event says a request changed. Its texts are in the browser's language (an EventSource cannot send the
    // interface's Accept-Language), so the requests are fetched again, in the interface's language.
    source.addEventListener('request', () => {
      void queryClient.invalidateQueries({ queryKey: requestsKey(companyId) });
    });
    return () => {
      source.close();
      setLive(false);
    };
  }, [companyId, queryClient]);

  return useQuery(requestsQueryOptions(companyId, live));
}
