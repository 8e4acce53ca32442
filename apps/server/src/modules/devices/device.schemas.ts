import { z } from 'zod';
import { numberParams } from '../numbers/numbers.schemas.js';

export const registrationState = z
  .enum(['pending', 'registered', 'removed', 'needs_reregistration', 'needs_duplicate', 'invalid', 'failed'])
  .meta({
    id: 'DeviceRegistrationState',
    description:
      'pending (waiting for the registry); registered; removed; needs_reregistration (registered to another owner); ' +
      "needs_duplicate (registered with another provider's number); invalid (the registry refused the IMEI); failed",
  });

export const registrationKind = z.enum(['register', 'reregister', 'duplicate', 'remove']).meta({
  id: 'DeviceRegistrationKind',
});

export const deviceRegistration = z
  .object({
    id: z.uuid(),
    date: z.string().meta({ description: 'When the request was made (the history’s Date column)' }),
    requestedAt: z.string(),
    completedAt: z.string().nullable(),
    imei: z.string().meta({ example: '35367807651154' }),
    kind: registrationKind,
    state: registrationState,
    requestId: z.uuid().nullable().meta({ description: 'The request in the requests centre (B4), when made here' }),
  })
  .meta({ id: 'DeviceRegistration' });

export const deviceStatus = z
  .object({
    msisdn: z.string(),
    lastDetectedImei: z.string().nullable().meta({ description: 'The device the SIM card was last seen in' }),
    registrationStatus: z.enum(['registered', 'not_registered', 'pending']).meta({
      description: 'Of the last detected device (or, when none was detected, of the registered one)',
    }),
    registeredImei: z.string().nullable().meta({ description: 'The registered device shown (null: none)' }),
    registeredImeis: z.array(z.string()).meta({ description: 'Every IMEI registered with this number' }),
    lastOutcome: registrationState.nullable().meta({
      description:
        "The registry's last answer about the last detected IMEI: needs_reregistration → offer Re-register; " +
        'needs_duplicate → offer Register duplicate',
    }),
    pendingRequestId: z.uuid().nullable().meta({ description: 'A request still waiting for the registry' }),
    history: z.array(deviceRegistration).meta({ description: 'Request history, newest first (at most 50)' }),
  })
  .meta({ id: 'DeviceStatus' });

export const deviceRegistrationsPage = z
  .object({ items: z.array(deviceRegistration), nextCursor: z.string().nullable() })
  .meta({ id: 'DeviceRegistrationsPage' });

export const deviceRegistrationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const deviceRegistrationBody = z
  .strictObject({
    imei: z
      .string()
      .max(40)
      .meta({ description: '14 digits, or 15 with a valid Luhn check digit', example: '35367807651154' }),
    kind: z.enum(['register', 'reregister', 'duplicate']).default('register').meta({
      description: 'register; reregister (from a previous owner, F25); duplicate (held with another provider, F26)',
    }),
    previousOwner: z
      .strictObject({
        msisdn: z.string().max(40).meta({ example: '+7 701 211 52 99' }),
        iinBin: z.string().max(40).meta({ example: '901202377949' }),
      })
      .optional()
      .meta({ description: "Re-registration: the previous owner's number and IIN/BIN" }),
    termsAccepted: z
      .boolean()
      .optional()
      .meta({ description: 'Re-registration and duplicate: the terms were read and accepted (must be true)' }),
  })
  .meta({ id: 'NewDeviceRegistration' });

export type DeviceRegistrationBody = z.infer<typeof deviceRegistrationBody>;

export const deviceImeiParams = numberParams.extend({ imei: z.string().max(40) });
