/** Money is integer tiyn (1 ₸ = 100 tiyn), carried as bigint, shown as decimal strings. Never floats. */
export interface Money {
  amount: string;
  currency: 'KZT';
}

export function tiynToAmount(tiyn: bigint | number | string): string {
  const v = BigInt(tiyn);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

export function money(tiyn: bigint | number | string): Money {
  return { amount: tiynToAmount(tiyn), currency: 'KZT' };
}

/** Parses "1234", "1234.5", "1234.56" (or with a comma) into tiyn; null when not a valid amount. */
export function parseAmountToTiyn(input: string): bigint | null {
  const s = input.trim().replace(',', '.');
  const m = /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const tiyn = BigInt(m[2] as string) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] === '-' ? -tiyn : tiyn;
}
