/** The tabs of My Profile, kept in the URL as `?tab=` (the first one is the default and leaves the URL clean). */
export const PROFILE_TABS = ['details', 'companies', 'sessions'] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];
