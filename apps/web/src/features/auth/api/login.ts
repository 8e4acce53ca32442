import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import type { OtpChallenge } from './otp-challenge';

export type LoginInput = { phone: string; password: string };

export function login(body: LoginInput): Promise<OtpChallenge> {
  return unwrap(api.POST('/api/v1/auth/login', { body }));
}

export function useLoginMutation() {
  return useMutation<OtpChallenge, ApiError, LoginInput>({ mutationFn: login });
}
