import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { NumberListItem } from '../../numbers/api/numbers-list';
import { numbersListKey } from '../../numbers/api/query-keys';

/** Options shown at once in a number picker; more are found by typing. */
export const PICKER_SIZE = 20;

export type PickerNumber = NumberListItem;

/**
 * Active numbers of the company matching a fragment of the number (digits), for the sender and recipient pickers.
 * Under the numbers list key: a transfer (or a status change) refreshes the funds shown.
 */
export function transferNumbersQueryOptions(companyId: string, digits: string) {
  return queryOptions({
    queryKey: [...numbersListKey(companyId), 'transfer-picker', digits],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/companies/{companyId}/numbers', {
          params: { path: { companyId }, query: { q: digits || undefined, status: 'active', limit: PICKER_SIZE } },
        }),
      ),
  });
}
