import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

export const meQueryKey = ['me'] as const;

export function fetchMe() {
  return unwrap(api.GET('/api/v1/me'));
}

export function meQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
