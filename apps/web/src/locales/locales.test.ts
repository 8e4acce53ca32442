import { describe, expect, it } from 'vitest';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [childKey, childValue] of flatten(value, path)) out.set(childKey, childValue);
  }
  return out;
}

const locales = { en: flatten(en), ru: flatten(ru), kk: flatten(kk) };

// Every source file except tests and generated declarations, as text.
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Keys used in source: `t('key')` (also `i18n.t(…)`), `tk('key')` for keys chosen at run time, `i18nKey="key"`. */
function usedKeys(): { keys: Set<string>; dynamic: string[] } {
  const keys = new Set<string>();
  const dynamic: string[] = [];
  const patterns = [/\bt\(\s*(['"`])([^'"`]+?)\1/g, /\btk\(\s*(['"`])([^'"`]+?)\1/g, /\bi18nKey=(['"])([^'"]+)\1/g];
  for (const [file, text] of Object.entries(sources)) {
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const key = match[2] ?? '';
        if (key.includes('${')) dynamic.push(`${file}: ${key}`);
        else keys.add(key);
      }
    }
  }
  return { keys, dynamic };
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('locales (F07)', () => {
  it('scans the source files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
  });

  for (const language of ['ru', 'kk'] as const) {
    it(`${language} has exactly the keys of en`, () => {
      const missing = [...locales.en.keys()].filter((key) => !locales[language].has(key));
      const extra = [...locales[language].keys()].filter((key) => !locales.en.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${language} keeps the interpolation variables of en`, () => {
      const mismatched = [...locales.en].filter(
        ([key, text]) => placeholders(text).join() !== placeholders(locales[language].get(key) ?? '').join(),
      );
      expect(mismatched.map(([key]) => key)).toEqual([]);
    });
  }

  it('has no empty translation', () => {
    const empty = Object.entries(locales).flatMap(([language, map]) =>
      [...map].filter(([, text]) => !text.trim()).map(([key]) => `${language}:${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('every key used in src exists, no key is built dynamically', () => {
    const { keys, dynamic } = usedKeys();
    expect(dynamic, 'use tk() with literal keys instead of template strings').toEqual([]);
    expect([...keys].filter((key) => !locales.en.has(key))).toEqual([]);
  });

  it('every key in the locales is used in src', () => {
    const { keys } = usedKeys();
    expect([...locales.en.keys()].filter((key) => !keys.has(key))).toEqual([]);
  });
});
