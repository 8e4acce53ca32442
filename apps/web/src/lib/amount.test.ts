import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount';

describe('parseAmount (F40: ₸ with tiyn, never a float)', () => {
  it.each([
    ['50', '50'],
    ['50.00', '50.00'],
    ['1500,5', '1500.5'],
    ['1 500,50', '1500.50'],
    ['1\u00a0500.50', '1500.50'],
    [' 0.01 ', '0.01'],
    ['007', '7'],
    ['.5', '0.5'],
    ['12.', '12'],
    ['999999999999999999.99', '999999999999999999.99'],
  ])('%j → %j', (input, value) => {
    expect(parseAmount(input)).toEqual({ value });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['abc', 'invalid'],
    ['-5', 'invalid'],
    ['+5', 'invalid'],
    ['1,500.50', 'invalid'],
    ['1e3', 'invalid'],
    ['.', 'invalid'],
    ['1.234', 'tooManyDecimals'],
    ['1,500', 'tooManyDecimals'],
    ['0', 'notPositive'],
    ['0,00', 'notPositive'],
    ['1'.repeat(41), 'invalid'],
  ])('%j is refused: %s', (input, problem) => {
    expect(parseAmount(input)).toEqual({ problem });
  });
});
