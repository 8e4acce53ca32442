import { z } from 'zod';
import { languages } from '../../lib/i18n.js';
import { normalizeMsisdn } from '../../lib/identifiers.js';

/** A Kazakhstani mobile number in any usual form, normalised to 77XXXXXXXXX. */
export const msisdnInput = z.string().transform((value, ctx) => {
  const n = normalizeMsisdn(value);
  if (!n) {
    ctx.addIssue({ code: 'custom', message: 'invalid_msisdn' });
    return z.NEVER;
  }
  return n;
});

export const languageSchema = z.enum(languages);

export const loginBody = z.strictObject({
  phone: msisdnInput.meta({ description: 'Administrator phone, e.g. +7 (701) 211-21-01', example: '+77012112101' }),
  password: z.string().min(1).max(1024),
});

export const challengeReply = z.object({
  challengeId: z.uuid(),
  channel: z.enum(['sms', 'email']),
  destination: z.string().meta({ description: 'Masked phone or e-mail the code went to' }),
  resendAfterSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
});

export const resendBody = z.strictObject({ challengeId: z.uuid() });

export const verifyBody = z.strictObject({
  challengeId: z.uuid(),
  code: z.string().regex(/^\d{6}$/, 'invalid_code_format'),
});

export const administrator = z.object({
  id: z.uuid(),
  phone: z.string(),
  email: z.string(),
  fullName: z.string(),
  language: languageSchema,
});

export const verifyReply = z.object({ administrator });

export const passwordResetConfirmBody = z.strictObject({
  token: z.string().min(20).max(200),
  newPassword: z.string().min(1).max(1024),
  signOutOtherDevices: z.boolean().default(false),
});

export const passwordResetBody = z.strictObject({ phone: msisdnInput });
export const messageReply = z.object({ message: z.string() });
