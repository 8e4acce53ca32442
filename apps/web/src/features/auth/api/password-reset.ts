import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';

export function requestPasswordReset(phone: string): Promise<{ message: string }> {
  return unwrap(api.POST('/api/v1/auth/password-reset', { body: { phone } }));
}

export function usePasswordResetMutation() {
  return useMutation<{ message: string }, ApiError, string>({ mutationFn: requestPasswordReset });
}
