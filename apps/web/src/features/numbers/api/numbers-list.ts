import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { paths } from '../../../lib/api/schema';
import { numbersListKey } from './query-keys';

type NumbersOperation = paths['/api/v1/companies/{companyId}/numbers']['get'];
export type NumbersPage = NumbersOperation['responses'][200]['content']['application/json'];
export type NumberListItem = NumbersPage['items'][number];
export type NumberStatus = NumberListItem['status'];

export const NUMBER_STATUSES: readonly NumberStatus[] = [
  'active',
  'blocked',
  'blocked_debt',
  'suspended',
  'terminated',
];
export const PAGE_SIZE = 50;

export type NumbersFilter = { q?: string; status?: NumberStatus; tariff?: string };

export function fetchNumbersPage(companyId: string, filter: NumbersFilter, cursor?: string): Promise<NumbersPage> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/numbers', {
      params: {
        path: { companyId },
        query: {
          q: filter.q || undefined,
          status: filter.status,
          tariff: filter.tariff || undefined,
          limit: PAGE_SIZE,
          cursor,
        },
      },
    }),
  );
}

export function numbersQueryOptions(companyId: string, filter: NumbersFilter) {
  return infiniteQueryOptions({
    queryKey: [
      ...numbersListKey(companyId),
      { q: filter.q ?? '', status: filter.status ?? null, tariff: filter.tariff ?? null },
    ],
    queryFn: ({ pageParam }) => fetchNumbersPage(companyId, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useNumbers(companyId: string, filter: NumbersFilter) {
  return useInfiniteQuery(numbersQueryOptions(companyId, filter));
}
