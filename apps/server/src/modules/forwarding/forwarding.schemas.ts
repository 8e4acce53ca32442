import { z } from 'zod';
import { normalizeMsisdn } from '../../lib/identifiers.js';
import { numberParams } from '../numbers/numbers.schemas.js';
import { unavailableReason } from '../services/services.schemas.js';

/** Services calls can be forwarded to (F23). */
export const FORWARDING_SERVICES = ['missed_call_2050', 'voicemail'] as const;

export const forwardingType = z
  .enum(['unconditional', 'busy', 'no_answer', 'unreachable'])
  .meta({ id: 'ForwardingType', description: 'Unconditional overrides all others, so it never coexists with them' });

const forwardingService = z
  .object({
    code: z.enum(FORWARDING_SERVICES),
    name: z.string().meta({ description: "In the caller's language" }),
  })
  .meta({ id: 'ForwardingService' });

export const callForwarding = z
  .object({
    id: z.uuid(),
    type: forwardingType,
    direction: z.enum(['number', 'service']),
    targetMsisdn: z.string().nullable().meta({ description: 'When direction is number', example: '77012112101' }),
    service: forwardingService.nullable().meta({ description: 'When direction is service' }),
    createdAt: z.string(),
  })
  .meta({ id: 'CallForwarding' });

export const callForwardings = z
  .object({
    msisdn: z.string(),
    items: z.array(callForwarding),
    services: z.array(forwardingService).meta({ description: 'The services calls can be forwarded to' }),
    available: z.boolean().meta({ description: 'Forwardings of this number can be changed now' }),
    unavailableReason: unavailableReason.nullable(),
  })
  .meta({ id: 'CallForwardings' });

const msisdnInput = z
  .string()
  .max(40)
  .refine((v) => normalizeMsisdn(v) !== null, { message: 'invalid_msisdn' })
  .meta({
    description: 'Kazakhstani mobile number in any usual form; stored as 77XXXXXXXXX',
    example: '+7 701 211 21 01',
  });

export const forwardingBody = z
  .discriminatedUnion('direction', [
    z.strictObject({ type: forwardingType, direction: z.literal('number'), targetMsisdn: msisdnInput }),
    z.strictObject({ type: forwardingType, direction: z.literal('service'), serviceCode: z.enum(FORWARDING_SERVICES) }),
  ])
  .meta({ id: 'NewCallForwarding' });

export type ForwardingBody = z.infer<typeof forwardingBody>;

export const forwardingParams = numberParams.extend({
  id: z.string().max(60).meta({ description: "The forwarding's id" }),
});
