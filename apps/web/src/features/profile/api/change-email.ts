import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { paths } from '../../../lib/api/schema';
import { meQueryKey } from './me';

export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
export type ChangeEmailInput = { email: string; password: string };

/** F04: a new e-mail for the administrator; needs the current password. */
export function changeEmail(body: ChangeEmailInput): Promise<Me> {
  return unwrap(api.PUT('/api/v1/me/email', { body }));
}

export function useChangeEmailMutation() {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiError, ChangeEmailInput>({
    mutationFn: changeEmail,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
