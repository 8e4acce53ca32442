import { z } from 'zod';
import { moneySchema, numberParams } from '../numbers/numbers.schemas.js';

export const serviceCategory = z
  .enum(['calls_sms', 'data', 'roaming', 'additional', 'promotions'])
  .meta({ id: 'ServiceCategory' });

export const unavailableReason = z
  .object({
    code: z.string().meta({ description: 'Stable code, the same as the error code of a refused toggle' }),
    message: z.string().meta({ description: "Why not, in the caller's language" }),
  })
  .meta({ id: 'UnavailableReason' });

export const numberService = z
  .object({
    code: z.string().meta({ example: 'business_travel' }),
    category: serviceCategory,
    name: z.string().meta({ description: "In the caller's language", example: 'Business travel' }),
    terms: z.string().meta({ description: "Terms of service (behind the info icon), in the caller's language" }),
    monthlyFee: moneySchema,
    active: z.boolean().meta({ description: 'Connected to the number (toggle on)' }),
    activatedAt: z.string().nullable().meta({ description: 'When it was connected (ISO 8601, UTC)' }),
    isRestriction: z
      .boolean()
      .meta({ description: 'A restriction (F18): USSD ban, content blocking, hidden caller ID' }),
    operatorOnly: z.boolean().meta({ description: 'Only the operator connects and disconnects it' }),
    availableUntil: z.string().nullable().meta({ description: "A promotion's last day, YYYY-MM-DD" }),
    available: z
      .boolean()
      .meta({ description: 'The administrator can toggle it now (connect if off, disconnect if on)' }),
    unavailableReason: unavailableReason
      .nullable()
      .meta({ description: 'Why the toggle is disabled; null when available' }),
  })
  .meta({ id: 'NumberService' });

export const numberServices = z
  .object({
    msisdn: z.string(),
    categories: z
      .array(z.object({ category: serviceCategory, services: z.array(numberService) }))
      .meta({ description: 'All five categories, in the order of the manual, each with its services' }),
  })
  .meta({ id: 'NumberServices' });

export const serviceParams = numberParams.extend({ serviceCode: z.string().max(60) });
