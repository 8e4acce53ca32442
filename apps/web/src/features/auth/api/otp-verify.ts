import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { paths } from '../../../lib/api/schema';
import { meQueryKey } from '../../profile/api/me';

type VerifyResponse = paths['/api/v1/auth/otp/verify']['post']['responses'][200]['content']['application/json'];
export type Administrator = VerifyResponse['administrator'];
export type VerifyOtpInput = { challengeId: string; code: string };

export function verifyOtp(body: VerifyOtpInput): Promise<VerifyResponse> {
  return unwrap(api.POST('/api/v1/auth/otp/verify', { body }));
}

export function useVerifyOtpMutation() {
  const queryClient = useQueryClient();
  return useMutation<VerifyResponse, ApiError, VerifyOtpInput>({
    mutationFn: verifyOtp,
    onSuccess: ({ administrator }) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, administrator);
    },
  });
}
