import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import { sessionsQueryKey } from './sessions';

export type ChangePasswordInput = { currentPassword: string; newPassword: string; signOutOtherDevices: boolean };

/** F04: current password, new password; optionally ends every other session (B10). */
export async function changePassword(body: ChangePasswordInput): Promise<void> {
  await unwrap(api.PUT('/api/v1/me/password', { body }));
}

export function useChangePasswordMutation() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, ChangePasswordInput>({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
