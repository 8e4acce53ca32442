import { describe, expect, it } from 'vitest';
import { money, parseAmountToTiyn, tiynToAmount } from './money.js';

describe('money in tiyn', () => {
  it('formats tiyn as a decimal string', () => {
    expect(tiynToAmount(997033n)).toBe('9970.33');
    expect(tiynToAmount(-5n)).toBe('-0.05');
    expect(tiynToAmount('0')).toBe('0.00');
    expect(money(89300)).toEqual({ amount: '893.00', currency: 'KZT' });
  });
  it('parses amounts with at most two decimals, never through a float', () => {
    expect(parseAmountToTiyn('9970.33')).toBe(997033n);
    expect(parseAmountToTiyn('0,1')).toBe(10n);
    expect(parseAmountToTiyn('90071992547409.93')).toBe(9007199254740993n);
    expect(parseAmountToTiyn('1.234')).toBeNull();
    expect(parseAmountToTiyn('abc')).toBeNull();
    expect(parseAmountToTiyn('1e5')).toBeNull();
  });
});
