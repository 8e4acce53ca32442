import { describe, expect, it } from 'vitest';
import { commonPasswordCount, passwordProblem } from './password-policy.js';

const phone = '77012112101';

describe('password rules (issue 3, NIST SP 800-63B)', () => {
  it('bundles a list of at least 10,000 common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });
  it('needs 12 to 128 characters, counting characters not bytes', () => {
    expect(passwordProblem('short pass', phone)).toBe('password_too_short');
    expect(passwordProblem('x'.repeat(129), phone)).toBe('password_too_long');
    expect(passwordProblem('Ұзақ құпиясөз', phone)).toBeNull();
    expect(passwordProblem('correct horse battery staple '.repeat(5).slice(0, 128), phone)).toBeNull();
  });
  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('QWERTY123456', phone)).toBe('password_common');
    expect(passwordProblem('passwordpassword', phone)).toBe('password_common');
    expect(passwordProblem('aaaaaaaaaaaaaa', phone)).toBe('password_common');
    expect(passwordProblem('1q2w3e4r5t6y', phone)).toBe('password_common');
    expect(passwordProblem('Password1234', phone)).toBe('password_common');
  });
  it('refuses a password that contains the phone number', () => {
    expect(passwordProblem('my7012112101pass', phone)).toBe('password_contains_phone');
    expect(passwordProblem('+7 701 211 21 01!', phone)).toBe('password_contains_phone');
  });
  it('accepts a long passphrase with no composition rules', () => {
    expect(passwordProblem('correct horse battery staple', phone)).toBeNull();
  });
});
