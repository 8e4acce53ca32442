import { describe, expect, it } from 'vitest';
import { tiynToAmount } from '../../lib/money.js';
import { numberFigures, tiynDecimal } from './report-builders.js';

describe('report figures', () => {
  it('writes tiyn as exact decimals without BigInt, the same as lib/money', () => {
    for (const v of ['0', '5', '-5', '99', '100', '-100', '997033', '-997033', '123456789012345678']) {
      expect(tiynDecimal(v)).toBe(tiynToAmount(v));
    }
    expect(tiynDecimal(7)).toBe('0.07');
  });

  it('derives debt and the remaining credit limit from the balance (F32)', () => {
    expect(numberFigures({ credit_limit_tiyn: '100000', balance_tiyn: '-30000', reserved_tiyn: '0' })).toEqual({
      creditLimit: 100000n,
      balance: -30000n,
      debt: 30000n,
      remaining: 70000n,
    });
    expect(numberFigures({ credit_limit_tiyn: '100000', balance_tiyn: '5000', reserved_tiyn: '8000' }).remaining).toBe(
      97000n,
    );
    expect(numberFigures({ credit_limit_tiyn: '0', balance_tiyn: '-500', reserved_tiyn: '0' })).toMatchObject({
      debt: 500n,
      remaining: 0n,
    });
  });
});
