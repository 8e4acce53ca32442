import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';

export type PasswordResetConfirmInput = { token: string; newPassword: string; signOutOtherDevices: boolean };

/** F02 step 4: sets the new password with the single-use token of the e-mailed link. */
export async function confirmPasswordReset(body: PasswordResetConfirmInput): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body }));
}

export function usePasswordResetConfirmMutation() {
  return useMutation<void, ApiError, PasswordResetConfirmInput>({ mutationFn: confirmPasswordReset });
}
