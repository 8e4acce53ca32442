import { tk } from '../../../lib/i18n';

export const BILLING_METHOD_KEY = {
  credit: tk('numbers.billingMethod.credit'),
  advance: tk('numbers.billingMethod.advance'),
} as const;

export const ACCOUNT_TYPE_KEY = {
  separate: tk('numberProfile.accountType.separate'),
  common: tk('numberProfile.accountType.common'),
} as const;

export function labelKey<T extends Record<string, string>>(map: T, value: string): string | undefined {
  return Object.hasOwn(map, value) ? map[value as keyof T] : undefined;
}
