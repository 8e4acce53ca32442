import { z } from 'zod';
import { languageSchema } from '../auth/auth.schemas.js';

export const emailBody = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'invalid_email'),
  password: z.string().min(1).max(1024),
});

export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
  signOutOtherDevices: z.boolean().default(false),
});

export const languageBody = z.strictObject({ language: languageSchema });

export const sessionView = z
  .object({
    id: z.uuid(),
    current: z.boolean(),
    device: z.string().meta({ description: 'Browser and system, from the user agent' }),
    ip: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
  })
  .meta({ id: 'Session' });

export const sessionParams = z.object({ id: z.string() });
