import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';

export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/logout'));
}

export function useLogoutMutation() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: logout,
    // Whatever the server answered, this browser forgets everything it knew.
    onSettled: () => queryClient.clear(),
  });
}
