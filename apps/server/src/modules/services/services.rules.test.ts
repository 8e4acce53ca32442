import { describe, expect, it } from 'vitest';
import type { CatalogRow } from './services.repository.js';
import { activationRefusal, deactivationRefusal, type NumberState } from './services.rules.js';

const row = (code: string, over: Partial<CatalogRow> = {}): CatalogRow => ({
  code,
  category: 'additional',
  name: code.toUpperCase(),
  terms: '',
  monthly_fee_tiyn: '0',
  exclusive_group: null,
  requires_service_code: null,
  allowed_tariffs: null,
  operator_only: false,
  allowed_while_blocked: false,
  is_restriction: false,
  available_until: null,
  expired: false,
  ...over,
});

const catalog = new Map(
  [
    row('reg', { operator_only: true, allowed_while_blocked: true }),
    row('pack_a', { exclusive_group: 'data' }),
    row('pack_b', { exclusive_group: 'data' }),
    row('travel', { requires_service_code: 'reg' }),
    row('intl', { allowed_tariffs: ['big'] }),
    row('promo', { available_until: '2025-03-31', expired: true }),
    row('ban', { allowed_while_blocked: true, is_restriction: true }),
    row('plain'),
  ].map((r) => [r.code, r]),
);
const s = (code: string) => catalog.get(code)!;
const state = (over: Partial<NumberState> = {}): NumberState => ({
  status: 'active',
  tariffCode: 'small',
  tariffName: 'Small',
  active: new Set(),
  ...over,
});

describe('F17 catalog rules (pure)', () => {
  it('names the reason of each rule', () => {
    expect(activationRefusal(s('plain'), state({ active: new Set(['plain']) }), catalog)?.code).toBe(
      'service_already_active',
    );
    expect(activationRefusal(s('reg'), state(), catalog)?.code).toBe('service_operator_only');
    expect(activationRefusal(s('promo'), state(), catalog)).toMatchObject({
      code: 'service_promotion_ended',
      params: { date: '31.03.2025' },
    });
    expect(activationRefusal(s('intl'), state(), catalog)).toMatchObject({
      code: 'service_tariff_not_allowed',
      params: { tariff: 'Small' },
    });
    expect(activationRefusal(s('intl'), state({ tariffCode: 'big' }), catalog)).toBeNull();
    expect(activationRefusal(s('travel'), state(), catalog)).toMatchObject({
      code: 'service_requires_missing',
      params: { required: 'REG' },
    });
    expect(activationRefusal(s('travel'), state({ active: new Set(['reg']) }), catalog)).toBeNull();
    expect(activationRefusal(s('pack_b'), state({ active: new Set(['pack_a']) }), catalog)).toMatchObject({
      code: 'service_exclusive_conflict',
      params: { active: 'PACK_A' },
    });
    expect(deactivationRefusal(s('reg'), state({ active: new Set(['reg', 'travel']) }), catalog)?.code).toBe(
      'service_operator_only',
    );
    expect(deactivationRefusal(s('plain'), state(), catalog)?.code).toBe('service_not_active');
  });

  it('refuses a service another connected one requires', () => {
    const cat = new Map([...catalog, ['tune', row('tune', { requires_service_code: 'plain' })]]);
    expect(deactivationRefusal(s('plain'), state({ active: new Set(['plain', 'tune']) }), cat)).toMatchObject({
      code: 'service_required_by',
      params: { dependent: 'TUNE' },
    });
  });

  it('blocks toggles by number status, except services allowed while blocked; nothing on terminated numbers', () => {
    for (const [status, code] of [
      ['blocked', 'number_blocked'],
      ['blocked_debt', 'number_blocked_for_debt'],
      ['suspended', 'number_suspended'],
    ] as const) {
      expect(activationRefusal(s('plain'), state({ status }), catalog)?.code).toBe(code);
      expect(activationRefusal(s('ban'), state({ status }), catalog)).toBeNull();
    }
    expect(activationRefusal(s('ban'), state({ status: 'terminated' }), catalog)?.code).toBe('number_terminated');
  });
});
