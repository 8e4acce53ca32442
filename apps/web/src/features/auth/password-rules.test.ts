import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './password-rules';

describe('checkNewPassword (F02, F04)', () => {
  it('accepts 12 characters or more when both fields match', () => {
    expect(checkNewPassword('purple-otter-42', 'purple-otter-42')).toEqual({});
  });

  it('asks for both fields', () => {
    expect(checkNewPassword('', '')).toEqual({ newPassword: 'required', confirmPassword: 'confirmRequired' });
  });

  it('counts characters, not UTF-16 units', () => {
    // 11 emoji are 22 UTF-16 units but 11 characters: too short.
    const emoji = '🙂'.repeat(11);
    expect(checkNewPassword(emoji, emoji).newPassword).toBe('tooShort');
    expect(checkNewPassword('🙂'.repeat(12), '🙂'.repeat(12))).toEqual({});
  });

  it('refuses more than 128 characters', () => {
    const long = 'a'.repeat(129);
    expect(checkNewPassword(long, long).newPassword).toBe('tooLong');
  });

  it('tells when the repeated password differs', () => {
    expect(checkNewPassword('purple-otter-42', 'purple-otter-43')).toEqual({ confirmPassword: 'mismatch' });
  });
});
