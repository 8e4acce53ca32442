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

type Announcement = Awaited<ReturnType<typeof fetchAnnouncement>>;

declare global {
  interface Window {
    /** Asked for by route-preload.js (vite.config.ts) on /login, before the app's code has arrived. */
    __earlyAnnouncement?: { language: string; response: Promise<Announcement | null> };
  }
}

/** The answer route-preload.js already asked for, once, when it is in this language. */
function takeEarlyAnnouncement(language: Language): Promise<Announcement | null> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__earlyAnnouncement;
  if (!early) return undefined;
  window.__earlyAnnouncement = undefined;
  return early.language === language ? early.response : undefined;
}

/**
 * The announcement for the login page, or null when it cannot be loaded (the page stays usable without it).
 * The page waits for it (Suspense) so that nothing moves when it arrives: no layout shift above the form.
 */
export function useAnnouncementOrNull(language: Language) {
  return useSuspenseQuery({
    queryKey: ['announcement', language, 'or-null'],
    queryFn: () => takeEarlyAnnouncement(language) ?? fetchAnnouncement().catch(() => null),
    staleTime: 5 * 60_000,
  });
}
