import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { paths } from '../../../lib/api/schema';

type UnallocatedOperation = paths['/api/v1/companies/{companyId}/payments/unallocated']['get'];
export type UnallocatedPaymentsPage = UnallocatedOperation['responses'][200]['content']['application/json'];
export type UnallocatedPayment = UnallocatedPaymentsPage['items'][number];

export const UNALLOCATED_PAGE_SIZE = 20;

export const unallocatedPaymentsKey = (companyId: string) =>
  ['companies', companyId, 'payments', 'unallocated'] as const;

export function fetchUnallocatedPayments(companyId: string, cursor?: string): Promise<UnallocatedPaymentsPage> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/payments/unallocated', {
      params: { path: { companyId }, query: { limit: UNALLOCATED_PAGE_SIZE, cursor } },
    }),
  );
}

/** F38: payments that named no personal account, with the server's instruction (in the caller's language). */
export function unallocatedPaymentsQueryOptions(companyId: string) {
  return infiniteQueryOptions({
    queryKey: unallocatedPaymentsKey(companyId),
    queryFn: ({ pageParam }) => fetchUnallocatedPayments(companyId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useUnallocatedPayments(companyId: string) {
  return useInfiniteQuery(unallocatedPaymentsQueryOptions(companyId));
}
