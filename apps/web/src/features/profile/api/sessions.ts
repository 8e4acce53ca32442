import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';

export type Session = components['schemas']['Session'];

export const sessionsQueryKey = ['me', 'sessions'] as const;

/** B10: this administrator's live sessions, the current one first. */
export function fetchSessions(): Promise<{ items: Session[] }> {
  return unwrap(api.GET('/api/v1/me/sessions'));
}

export function sessionsQueryOptions() {
  return queryOptions({ queryKey: sessionsQueryKey, queryFn: fetchSessions, staleTime: 0 });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}

export async function endSession(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
}

export function useEndSessionMutation() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: endSession,
    // Also after a failure: a session that is already gone (404) disappears from the list.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
