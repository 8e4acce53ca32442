import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { Language } from '../../../lib/languages';

export function fetchAnnouncement() {
  return unwrap(api.GET('/api/v1/announcement'));
}

export function announcementQueryOptions(language: Language) {
  return queryOptions({
    queryKey: ['announcement', language],
    queryFn: fetchAnnouncement,
    staleTime: 5 * 60_000,
  });
}

export function useAnnouncement(language: Language) {
  return useQuery(announcementQueryOptions(language));
}

/**
 * The announcement for the login page, or null when it cannot be loaded (the page stays usable without it).
 * The page waits for it (Suspense) so that nothing moves when it arrives: no layout shift above the form.
 */
export function useAnnouncementOrNull(language: Language) {
  return useSuspenseQuery({
    queryKey: ['announcement', language, 'or-null'],
    queryFn: () => fetchAnnouncement().catch(() => null),
    staleTime: 5 * 60_000,
  });
}
