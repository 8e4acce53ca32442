import { dictionary } from '@zxcvbn-ts/language-common';
import type { TextKey } from './i18n.js';

/**
 * NIST SP 800-63B: length 12–128, any characters, no composition rules; refused when it is a
 * common or breached password (the bundled list has ~49,000) or contains the phone number.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function commonPasswordCount(): number {
  return common.size;
}

export function passwordProblem(password: string, phone: string): TextKey | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'password_too_short';
  if (length > PASSWORD_MAX) return 'password_too_long';
  const lower = password.toLowerCase();
  const repeated = /^(.+?)\1+$/.exec(lower)?.[1];
  if (common.has(lower) || (repeated && (repeated.length < 4 || common.has(repeated))) || new Set(lower).size <= 2) {
    return 'password_common';
  }
  const digits = password.replace(/\D/g, '');
  if (digits.includes(phone.slice(1)) || digits.includes(phone)) return 'password_contains_phone';
  return null;
}
