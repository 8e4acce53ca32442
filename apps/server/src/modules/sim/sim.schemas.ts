import { z } from 'zod';

export const simCard = z
  .object({
    msisdn: z.string(),
    iccid: z.string().nullable().meta({ description: 'SIM card number; null when the number has no active SIM' }),
    isEsim: z.boolean(),
    replacementDate: z
      .string()
      .nullable()
      .meta({ description: 'When the current SIM replaced the previous one (ISO 8601, UTC); null if never replaced' }),
    imei: z.string().nullable().meta({ description: 'Last detected IMEI (14 digits)', example: '35367807651154' }),
    secretsAvailable: z
      .boolean()
      .meta({ description: 'PIN/PUK can be revealed with POST …/sim/secrets (each reveal is recorded)' }),
  })
  .meta({ id: 'SimCard' });

export const simSecrets = z
  .object({
    msisdn: z.string(),
    iccid: z.string(),
    pin1: z.string().meta({ example: '0000' }),
    pin2: z.string().meta({ example: '9098' }),
    puk1: z.string().meta({ example: '13178690' }),
    puk2: z.string().meta({ example: '48419033' }),
  })
  .meta({ id: 'SimSecrets' });
