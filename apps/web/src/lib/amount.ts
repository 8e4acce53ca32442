/** Why an amount typed by the user can't be sent. */
export type AmountProblem = 'required' | 'invalid' | 'notPositive' | 'tooManyDecimals';

export type ParsedAmount = { value: string; problem?: undefined } | { value?: undefined; problem: AmountProblem };

const MAX_LENGTH = 40;

/**
 * An amount of tenge as typed (`1 500,50`, `1500.5`, `50`) → the API's decimal string (`1500.50`, `1500.5`, `50`),
 * without ever going through a float. Spaces group digits; `.` or `,` separates the tiyn (at most 2 digits). Anything
 * else (two separators, letters, a sign) is refused rather than guessed: `1,500` is read as 1.500 and refused for its
 * three decimals, never silently taken as 1.5 or 1500.
 */
export function parseAmount(input: string): ParsedAmount {
  const text = input.replace(/[\s\u00a0\u202f]/g, '');
  if (!text) return { problem: 'required' };
  if (text.length > MAX_LENGTH) return { problem: 'invalid' };
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(text);
  if (!match) return { problem: 'invalid' };
  const [, integerPart = '', fractionPart = ''] = match;
  if (!integerPart && !fractionPart) return { problem: 'invalid' };
  if (fractionPart.length > 2) return { problem: 'tooManyDecimals' };
  if (!/[1-9]/.test(integerPart + fractionPart)) return { problem: 'notPositive' };
  const integer = integerPart.replace(/^0+(?=\d)/, '') || '0';
  return { value: fractionPart ? `${integer}.${fractionPart}` : integer };
}
