import { z } from 'zod';
import { moneySchema, numberParams } from '../numbers/numbers.schemas.js';

export const esimOs = z
  .enum(['ios', 'android'])
  .meta({ id: 'EsimOs', description: "The smartphone's operating system" });

export const esimOrderBody = z.strictObject({ os: esimOs });

export const esimOrder = z
  .object({
    id: z.uuid(),
    msisdn: z.string(),
    os: esimOs,
    status: z.enum(['issued', 'confirmed', 'expired', 'failed']),
    activationCode: z.string().meta({
      description: 'GSMA activation code: LPA:1$<SM-DP+ address>$<matching id>',
      example: 'LPA:1$smdp.kcell.kz$K7Q2M9X4T1B8R6W3Z5N0',
    }),
    qrCode: z
      .string()
      .meta({ description: 'The activation code as a QR code: a PNG data URL (data:image/png;base64,…)' }),
    createdAt: z.string(),
    expiresAt: z.string().meta({ description: 'The QR code is valid for 1 day; after that, issue a new eSIM' }),
    cost: moneySchema.meta({ description: 'Cost of the service (0 ₸)' }),
    steps: z.array(z.string()).meta({ description: "What to do on the phone, for its OS, in the caller's language" }),
    notice: z.string().meta({ description: 'Validity and cost, as the manual says it' }),
  })
  .meta({ id: 'EsimOrder' });

export const esimOrderParams = numberParams.extend({ id: z.string().max(60).meta({ description: "The order's id" }) });

export const esimConfirmBody = z.strictObject({
  confirmed: z.boolean().meta({ description: '"I\'m sure the eSIM is set up": must be true' }),
});
