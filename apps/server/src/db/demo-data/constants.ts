/** Fixed facts of the demo data set (spec/domain.md "Demo data"). */

/** One password for both demo administrators; printed by `npm start` and written in the README. */
export const DEMO_PASSWORD = 'Kcell-Demo-2026!';

/** Administrator A: an operator number, so the OTP goes by SMS. Manages three companies. */
export const ADMIN_A_PHONE = '77012112101';
export const ADMIN_A_EMAIL = 'aliya.ussanova@example.com';
export const ADMIN_A_NAME = 'Ussanova Aliya';

/** Administrator B: another operator's number, so the OTP goes by e-mail. Manages one company. */
export const ADMIN_B_PHONE = '77070000001';
export const ADMIN_B_EMAIL = 'daniyar.seitkali@example.com';
export const ADMIN_B_NAME = 'Daniyar Seitkali';

/** BINs of the demo companies (valid check digits; asserted in seed.test.ts). */
export const BIN_LARGE = '080540001238';
export const BIN_SMALL_1 = '150340004568';
export const BIN_SMALL_2 = '191140007892';
export const BIN_COMPANY_B = '210640013571';
/** The benchmark company of seedLargeCompany. */
export const BIN_BENCH = '220140099999';

export const DEMO_BINS = [BIN_LARGE, BIN_SMALL_1, BIN_SMALL_2, BIN_COMPANY_B] as const;

/** Benchmark numbers are 7778 9xx xx xx; the demo never uses this block. */
export const BENCH_MSISDN_PREFIX = '77789';

/** The manual's sample numbers, all in the large company. */
export const MANUAL_NUMBERS = [
  '77010542001',
  '77010542006',
  '77010542007',
  '77780627247',
  '77011441876',
  '77022522931',
  '77010542285',
  '77012111415',
] as const;
