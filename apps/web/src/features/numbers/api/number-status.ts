import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { components } from '../../../lib/api/schema';
import { notifySuccess } from '../../../lib/notify';
import type { NumberDetails } from './number-details';
import { numberKey, numbersListKey } from './query-keys';

export type NumberStatusChange = components['schemas']['NumberStatusChange'];
export type StatusAction = 'block' | 'unblock';

/** F20: blocks or unblocks the number through the network. */
export function changeNumberStatus(companyId: string, msisdn: string, action: StatusAction) {
  const params = { params: { path: { companyId, msisdn } } };
  return unwrap(
    action === 'block'
      ? api.POST('/api/v1/companies/{companyId}/numbers/{msisdn}/block', params)
      : api.POST('/api/v1/companies/{companyId}/numbers/{msisdn}/unblock', params),
  );
}

export function useChangeNumberStatusMutation(companyId: string, msisdn: string) {
  const queryClient = useQueryClient();
  return useMutation<NumberStatusChange, ApiError, StatusAction>({
    mutationFn: (action) => changeNumberStatus(companyId, msisdn, action),
    onSuccess: (change) => {
      // Here and not in the dialog: a row of a filtered list may be gone (and its dialog with it) by the time the
      // caller's own callbacks would run.
      notifySuccess(change.message);
      queryClient.setQueryData<NumberDetails>(numberKey(companyId, msisdn), (previous) =>
        previous ? { ...previous, status: change.status, statusChangedAt: change.statusChangedAt } : previous,
      );
    },
    // The status decides which services and forwardings can change; the list shows it too. After a refusal the
    // status shown may have been out of date. Not awaited: the new status is already in place, the dialog can close.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: numberKey(companyId, msisdn) });
      void queryClient.invalidateQueries({ queryKey: numbersListKey(companyId) });
    },
  });
}
