/**
 * Query keys of the numbers area. Everything about one number lives under `numberKey(companyId, msisdn)`, so that
 * the profile's Refresh (and a status change) can refetch all of it with one invalidation.
 */
export const numbersKey = (companyId: string) => ['companies', companyId, 'numbers'] as const;

export const numbersListKey = (companyId: string) => [...numbersKey(companyId), 'list'] as const;

export const numberKey = (companyId: string, msisdn: string) => [...numbersKey(companyId), 'details', msisdn] as const;

export type NumberPart =
  | 'sim'
  | 'contract-phones'
  | 'allowances'
  | 'services'
  | 'call-forwardings'
  | 'device'
  | 'device-registrations';

export const numberPartKey = (companyId: string, msisdn: string, part: NumberPart) =>
  [...numberKey(companyId, msisdn), part] as const;

export const tariffsKey = (companyId: string) => ['companies', companyId, 'tariffs'] as const;
