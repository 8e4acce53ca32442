/**
 * Amounts typed by people or found in files: tenge as a decimal string with at most 2 decimals
 * (tiyn), '.' or ',' as the decimal separator. Parsed to integer tiyn, never through a float.
 */
import type { TextKey } from '../../lib/i18n.js';
import { tiynToAmount } from '../../lib/money.js';

const AMOUNT = /^(-?)(\d+)(?:[.,](\d+))?$/;

export type AmountProblem = Extract<
  TextKey,
  'amount_invalid' | 'amount_not_positive' | 'amount_too_many_decimals' | 'amount_above_maximum'
>;

/** Tiyn of a positive amount, or the reason it is not one. Any number of digits (no overflow). */
export function parsePositiveAmount(
  input: string,
  maxTiyn?: bigint,
): { tiyn: bigint; problem?: undefined } | { tiyn?: undefined; problem: AmountProblem } {
  const m = AMOUNT.exec(input.trim());
  if (!m) return { problem: 'amount_invalid' };
  const [, sign, whole = '', fraction = ''] = m;
  if (sign === '-' || /^0*$/.test(whole + fraction)) return { problem: 'amount_not_positive' };
  if (fraction.length > 2) return { problem: 'amount_too_many_decimals' };
  const tiyn = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (maxTiyn !== undefined && tiyn > maxTiyn) return { problem: 'amount_above_maximum' };
  return { tiyn };
}

/** A configured amount ("1000000", "500.50") in tiyn; throws on a bad one (configuration is checked at start). */
export function configuredAmountTiyn(value: string): bigint {
  const r = parsePositiveAmount(value);
  if (r.problem) throw new Error(`not a positive amount: ${value}`);
  return r.tiyn;
}

/** `100000000` tiyn → `1 000 000.00` (for messages). */
export function formatTenge(tiyn: bigint): string {
  const [whole = '0', fraction = '00'] = tiynToAmount(tiyn).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}.${fraction}`;
}
