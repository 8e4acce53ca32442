import { z } from 'zod';

export const company = z
  .object({
    id: z.uuid(),
    bin: z.string().meta({ example: '041058570298' }),
    fullName: z.string(),
    alias: z.string().nullable().meta({ description: "The administrator's own short name for the company (F05)" }),
    numbersCount: z.number().int(),
  })
  .meta({ id: 'Company' });

export const companyParams = z.object({ companyId: z.string().meta({ description: 'Company id (uuid)' }) });

export const aliasBody = z.strictObject({
  alias: z
    .string()
    .trim()
    .max(60)
    .nullable()
    .transform((v) => (v ? v : null)),
});
