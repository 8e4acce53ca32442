import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { OtpChallenge } from './otp-challenge';

export function resendOtp(challengeId: string): Promise<OtpChallenge> {
  return unwrap(api.POST('/api/v1/auth/otp/resend', { body: { challengeId } }));
}

export function useResendOtpMutation() {
  return useMutation<OtpChallenge, ApiError, string>({ mutationFn: resendOtp });
}
