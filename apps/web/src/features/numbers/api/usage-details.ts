import { almatyToday, type Period } from '@portal/calendar';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components, paths } from '../../../lib/api/schema';
import { lastMonthPeriod } from '../../../lib/calendar';
import type { PortalRequest } from '../../requests/api/requests';
import { numberKey } from './query-keys';

export type UsagePage = components['schemas']['UsagePage'];
export type UsageRecord = components['schemas']['UsageRecord'];

/** Rows per page of the on-screen usage details. */
export const USAGE_PAGE_SIZE = 50;

export type UsagePeriod = Period;

/** F19's default period: the last month, up to today (in Almaty, as the server counts). */
export function defaultUsagePeriod(now: Date = new Date()): UsagePeriod {
  return lastMonthPeriod(almatyToday(now));
}

type UsageBody = NonNullable<
  paths['/api/v1/companies/{companyId}/numbers/{msisdn}/usage-reports']['post']['requestBody']
>['content']['application/json'];

function postUsage(companyId: string, msisdn: string, body: UsageBody) {
  return api.POST('/api/v1/companies/{companyId}/numbers/{msisdn}/usage-reports', {
    params: { path: { companyId, msisdn } },
    body,
  });
}

/** F19 on screen: one page of the period's usage records (oldest first) and the period's totals. */
export function fetchUsagePage(
  companyId: string,
  msisdn: string,
  period: UsagePeriod,
  cursor?: string,
): Promise<UsagePage> {
  return unwrap(
    postUsage(companyId, msisdn, {
      ...period,
      output: 'screen',
      limit: USAGE_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    }),
  ) as Promise<UsagePage>;
}

/**
 * The on-screen usage details of a period, page after page ("Load more" asks for the next cursor). `run` tells one
 * submission from the next, so that showing the same period again fetches it anew; null: nothing asked yet.
 */
export function useUsagePages(companyId: string, msisdn: string, period: UsagePeriod | null, run: number) {
  return useInfiniteQuery<UsagePage, ApiError>({
    queryKey: [...numberKey(companyId, msisdn), 'usage', period?.from, period?.to, run],
    queryFn: ({ pageParam }) =>
      fetchUsagePage(companyId, msisdn, period as UsagePeriod, (pageParam as string | null) ?? undefined),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: period !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export type UsageFileOrder = UsagePeriod & { output: 'xlsx' | 'email'; email?: string };

/** F19 as a file (requests centre) or e-mailed: answers with the request to follow. */
export function orderUsageFile(companyId: string, msisdn: string, order: UsageFileOrder): Promise<PortalRequest> {
  const { email, ...rest } = order;
  return unwrap(
    postUsage(companyId, msisdn, { ...rest, ...(order.output === 'email' && email ? { email } : {}) }),
  ) as Promise<PortalRequest>;
}

export function useOrderUsageFileMutation(companyId: string, msisdn: string) {
  return useMutation<PortalRequest, ApiError, UsageFileOrder>({
    mutationFn: (order) => orderUsageFile(companyId, msisdn, order),
  });
}
