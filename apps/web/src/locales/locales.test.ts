import { describe, expect, it } from 'vitest';
import { keyProblems } from '../i18n-checks/locale-keys';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';

// Every source file except tests, generated declarations and the checks themselves, as text.
const sources = import.meta.glob(
  ['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*.d.ts', '!../i18n-checks/**'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>;

// The check itself is proven able to fail in ../i18n-checks/locale-keys.test.ts (fixture locales and sources).
const problems = keyProblems({ en, ru, kk }, sources);

describe('locales (F07)', () => {
  it('scans the source files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
  });

  it('ru and kk have exactly the keys of en', () => {
    expect({ missing: problems.missing, extra: problems.extra }).toEqual({ missing: [], extra: [] });
  });

  it('ru and kk keep the interpolation variables of en', () => {
    expect(problems.placeholderMismatch).toEqual([]);
  });

  it('has no empty translation', () => {
    expect(problems.empty).toEqual([]);
  });

  it('every key used in src exists, no key is built dynamically', () => {
    expect(problems.dynamic, 'use tk() with literal keys instead of template strings').toEqual([]);
    expect(problems.unknown).toEqual([]);
  });

  it('every key in the locales is used in src', () => {
    expect(problems.unused).toEqual([]);
  });
});
