/** Identifier rules of spec/domain.md: MSISDN, BIN/IIN, ICCID, IMEI, invoice numbers. */

/** Normalises a Kazakhstani mobile number to 11 digits `77XXXXXXXXX`, or returns null. */
export function normalizeMsisdn(input: string): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (!/^[+\d\s()\-.]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+') && !digits.startsWith('7')) return null;
  if (digits.length === 10) digits = `7${digits}`;
  else if (digits.length === 11 && digits.startsWith('8') && !trimmed.startsWith('+')) digits = `7${digits.slice(1)}`;
  // Mobile national codes are 70x, 74x, 75x, 76x, 77x; 71x–73x are landlines (727 is Almaty).
  if (!/^77[04567]\d{8}$/.test(digits)) return null;
  return digits;
}

/** `77012112101` → `+7 701 211 21 01` */
export function formatMsisdn(msisdn: string): string {
  return `+7 ${msisdn.slice(1, 4)} ${msisdn.slice(4, 7)} ${msisdn.slice(7, 9)} ${msisdn.slice(9, 11)}`;
}

/** Whether a normalised number belongs to the operator (prefixes from configuration). */
export function isOperatorNumber(msisdn: string, operatorPrefixes: readonly string[]): boolean {
  return operatorPrefixes.includes(msisdn.slice(1, 4));
}

/** BIN / IIN: 12 digits, check digit with weights 1..11, then 3..11,1,2 when the first gives 10. */
export function isValidBinIin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const d = [...value].map(Number);
  const weighted = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * (d[i] as number), 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) {
    check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    if (check === 10) return false;
  }
  return check === d[11];
}

/** Computes the BIN/IIN check digit for 11 digits, or null when no digit is valid. */
export function binCheckDigit(first11: string): number | null {
  for (let c = 0; c <= 9; c++) if (isValidBinIin(`${first11}${c}`)) return c;
  return null;
}

/** Luhn check over a digit string (the last digit is the check digit). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit to append to `payload`. */
export function luhnCheckDigit(payload: string): number {
  for (let c = 0; c <= 9; c++) if (luhnValid(`${payload}${c}`)) return c;
  throw new Error('unreachable');
}

/** ICCID: 19 or 20 digits, starting 89, Luhn check digit last. */
export function isValidIccid(value: string): boolean {
  return /^89\d{17,18}$/.test(value) && luhnValid(value);
}

/** IMEI: 14 digits (TAC + serial), or 15 with a valid Luhn digit; returns the 14 stored digits. */
export function normalizeImei(value: string): string | null {
  const v = value.trim();
  if (/^\d{14}$/.test(v)) return v;
  if (/^\d{15}$/.test(v) && luhnValid(v)) return v.slice(0, 14);
  return null;
}

export function isValidInvoiceNumber(value: string): boolean {
  return /^\d{13}$/.test(value);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its canonical text form: ids in paths are checked before they reach a `::uuid` cast. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
