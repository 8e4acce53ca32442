import type { Period } from '@portal/calendar';
import { infiniteQueryOptions, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';
import { type DownloadedFile, downloadFrom } from './download';

export type ActionsHistoryPage = components['schemas']['ActionsHistoryPage'];
export type ActionHistoryItem = components['schemas']['ActionHistoryItem'];

export const ACTIONS_PAGE_SIZE = 20;

export const actionsHistoryKey = (companyId: string, period: Period | null) =>
  ['companies', companyId, 'actions', period?.from ?? '', period?.to ?? ''] as const;

export function fetchActionsHistory(companyId: string, period: Period, cursor?: string): Promise<ActionsHistoryPage> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/actions', {
      params: { path: { companyId }, query: { ...period, cursor, limit: ACTIONS_PAGE_SIZE } },
    }),
  );
}

/** F31: the administrators' actions of a period, newest first, a page at a time; nothing until a period is asked. */
export function actionsHistoryQueryOptions(companyId: string, period: Period | null) {
  return infiniteQueryOptions({
    queryKey: actionsHistoryKey(companyId, period),
    queryFn: ({ pageParam }) => fetchActionsHistory(companyId, period as Period, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled: period !== null,
    staleTime: 0,
    retry: false,
  });
}

export function useActionsHistory(companyId: string, period: Period | null) {
  return useInfiniteQuery(actionsHistoryQueryOptions(companyId, period));
}

/** F31: the whole period as a spreadsheet download. */
export function downloadActionsHistory(companyId: string, period: Period): Promise<DownloadedFile> {
  return downloadFrom(
    api.GET('/api/v1/companies/{companyId}/actions', {
      params: { path: { companyId }, query: { ...period, format: 'xlsx' } },
      parseAs: 'blob',
    }),
    `actions-${period.from}_${period.to}.xlsx`,
  );
}

export function useDownloadActionsHistoryMutation(companyId: string) {
  return useMutation<DownloadedFile, ApiError, Period>({
    mutationFn: (period) => downloadActionsHistory(companyId, period),
  });
}
