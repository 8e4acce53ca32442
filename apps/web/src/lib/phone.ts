/**
 * Phone input helpers for Kazakhstani numbers. The field keeps the 10 national digits (`7012112101`)
 * and shows them as `+7 (701) 211-21-01`; the API receives `77012112101`.
 */

export const NATIONAL_LENGTH = 10;

/** Extracts the national digits from anything typed or pasted: `+7 (701) 211-21-01`, `8 701 …`, `7012112101`. */
export function parsePhoneInput(raw: string): string {
  const trimmed = raw.trim();
  const withoutPrefix = trimmed.startsWith('+7') ? trimmed.slice(2) : trimmed;
  let digits = withoutPrefix.replace(/\D/g, '');
  if (digits.length > NATIONAL_LENGTH && (digits[0] === '7' || digits[0] === '8')) digits = digits.slice(1);
  return digits.slice(0, NATIONAL_LENGTH);
}

/** Progressive mask: `7` → `+7 (7`, `70121` → `+7 (701) 21`, full → `+7 (701) 211-21-01`. */
export function formatPhoneInput(national: string): string {
  const d = national.replace(/\D/g, '').slice(0, NATIONAL_LENGTH);
  if (d.length === 0) return '';
  let out = `+7 (${d.slice(0, 3)}`;
  if (d.length > 3) out += `) ${d.slice(3, 6)}`;
  if (d.length > 6) out += `-${d.slice(6, 8)}`;
  if (d.length > 8) out += `-${d.slice(8, 10)}`;
  return out;
}

/**
 * Next national digits after an edit of the masked field. Typing one more digit into a complete number is ignored
 * (instead of being read as an `8…`/`7…` long form), deleting only a separator deletes the last digit.
 */
export function nextPhoneValue(previous: string, raw: string): string {
  const previousFormatted = formatPhoneInput(previous);
  if (
    previous.length === NATIONAL_LENGTH &&
    raw.length === previousFormatted.length + 1 &&
    raw.startsWith(previousFormatted)
  ) {
    return previous;
  }
  const next = parsePhoneInput(raw);
  if (next === previous && raw.length < previousFormatted.length) return previous.slice(0, -1);
  return next;
}

export function isCompletePhone(national: string): boolean {
  return national.length === NATIONAL_LENGTH;
}

export function toMsisdn(national: string): string {
  return `7${national}`;
}
