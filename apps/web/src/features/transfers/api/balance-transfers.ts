import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components, paths } from '../../../lib/api/schema';
import { numbersKey } from '../../numbers/api/query-keys';

type TransfersOperation = paths['/api/v1/companies/{companyId}/balance-transfers']['get'];
export type TransfersPage = TransfersOperation['responses'][200]['content']['application/json'];
export type TransferListItem = TransfersPage['items'][number];
export type BalanceTransfer = components['schemas']['BalanceTransfer'];
/** What the administrator confirmed: numbers as MSISDNs, the amount as a decimal string ('1500.50'). */
export type NewTransfer = { from: string; to: string; amount: string };

export const TRANSFERS_PAGE_SIZE = 10;

export const transfersKey = (companyId: string) => ['companies', companyId, 'balance-transfers'] as const;

export function fetchTransfersPage(companyId: string, cursor?: string): Promise<TransfersPage> {
  return unwrap(
    api.GET('/api/v1/companies/{companyId}/balance-transfers', {
      params: { path: { companyId }, query: { limit: TRANSFERS_PAGE_SIZE, cursor } },
    }),
  );
}

/** F40: the company's transfers, newest first, a page at a time. */
export function transfersQueryOptions(companyId: string) {
  return infiniteQueryOptions({
    queryKey: transfersKey(companyId),
    queryFn: ({ pageParam }) => fetchTransfersPage(companyId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useTransfers(companyId: string) {
  return useInfiniteQuery(transfersQueryOptions(companyId));
}

/**
 * F40: moves the amount. `idempotencyKey` belongs to one confirmed attempt: the server answers a repeat of the same
 * attempt (after a lost connection) with the first answer instead of transferring twice.
 */
export function createTransfer(companyId: string, transfer: NewTransfer, idempotencyKey: string) {
  return unwrap(
    api.POST('/api/v1/companies/{companyId}/balance-transfers', {
      params: { path: { companyId }, header: { 'idempotency-key': idempotencyKey } },
      body: transfer,
    }),
  );
}

export function useCreateTransferMutation(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<BalanceTransfer, ApiError, { transfer: NewTransfer; idempotencyKey: string }>({
    mutationFn: ({ transfer, idempotencyKey }) => createTransfer(companyId, transfer, idempotencyKey),
    onSuccess: () => {
      // Both numbers' funds changed (lists, pickers, profiles) and the history has a new row.
      void queryClient.invalidateQueries({ queryKey: numbersKey(companyId) });
      void queryClient.invalidateQueries({ queryKey: transfersKey(companyId) });
    },
  });
}
