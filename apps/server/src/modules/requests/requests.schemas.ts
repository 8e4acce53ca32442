import { z } from 'zod';
import { normalizeMsisdn } from '../../lib/identifiers.js';

export const requestStatus = z
  .enum(['pending', 'running', 'succeeded', 'failed'])
  .meta({ id: 'RequestStatus', description: 'pending → running → succeeded | failed' });

export const requestResource = z
  .object({
    id: z.uuid(),
    kind: z.string().meta({
      description:
        'What the request does: `sim_replacement`, `esim_replacement`, `device_register`, `device_reregister`, ' +
        '`device_duplicate`, `device_remove` (reports and bulk actions add their own kinds)',
      example: 'device_register',
    }),
    status: requestStatus,
    msisdn: z.string().nullable().meta({ description: 'The number the request is about, if any' }),
    administrator: z.object({ id: z.uuid(), fullName: z.string() }).nullable().meta({ description: 'Who asked' }),
    params: z.record(z.string(), z.unknown()).meta({ description: 'What was asked, per kind' }),
    result: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'The outcome data, per kind; null until the request completes' }),
    message: z.string().nullable().meta({ description: "The outcome in the caller's language (succeeded or failed)" }),
    note: z
      .string()
      .nullable()
      .meta({ description: "Additional advice in the caller's language (e.g. after an eSIM)" }),
    error: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .meta({ description: 'Why the request failed: a stable code and its text' }),
    file: z
      .object({ name: z.string(), contentType: z.string(), url: z.string() })
      .nullable()
      .meta({ description: 'A result file (reports), downloadable at url' }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    updatedAt: z.string().meta({ description: 'Last change; use with ?updatedSince=' }),
  })
  .meta({ id: 'Request' });

export const requestsPage = z
  .object({ items: z.array(requestResource), nextCursor: z.string().nullable() })
  .meta({ id: 'RequestsPage' });

export const requestsQuery = z.strictObject({
  status: requestStatus.optional(),
  kind: z.string().max(60).optional(),
  msisdn: z
    .string()
    .max(40)
    .refine((v) => normalizeMsisdn(v) !== null, { message: 'invalid_msisdn' })
    .transform((v) => normalizeMsisdn(v) as string)
    .optional()
    .meta({ description: 'Only requests about this number' }),
  updatedSince: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'Only requests changed after this time (ISO 8601), for polling clients' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const requestParams = z.object({ companyId: z.string(), id: z.string().max(60) });
export const companyParams = z.object({ companyId: z.string() });
