import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from './crypto.js';

describe('PIN/PUK encryption at rest (F14)', () => {
  it('round-trips and hides the plain text', () => {
    const key = randomBytes(32);
    const sealed = encryptSecret('13178690', key);
    expect(sealed).not.toContain('13178690');
    expect(decryptSecret(sealed, key)).toBe('13178690');
  });
  it('refuses a tampered value or another key', () => {
    const key = randomBytes(32);
    const sealed = encryptSecret('0000', key);
    const [iv, tag, enc] = sealed.split('.');
    const flipped = Buffer.from(enc as string, 'base64url');
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() => decryptSecret(`${iv}.${tag}.${flipped.toString('base64url')}`, key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
  });
});
