import { queryOptions, useQuery } from '@tanstack/react-query';
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
