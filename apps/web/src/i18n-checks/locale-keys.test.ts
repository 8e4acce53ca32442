import { describe, expect, it } from 'vitest';
import { flatten, keyProblems } from './locale-keys';

// The locale check run on small fixtures: it must report each kind of breakage (issue 8: "fails when broken").
const en = { login: { title: 'Log in', greeting: 'Hello, {{name}}' }, numbers: { title: 'Numbers' } };
const ru = { login: { title: 'Вход', greeting: 'Здравствуйте, {{name}}' }, numbers: { title: 'Номера' } };
const kk = { login: { title: 'Кіру', greeting: 'Сәлеметсіз бе, {{name}}' }, numbers: { title: 'Нөмірлер' } };
const source = {
  'login.tsx': "const a = t('login.title'); const b = t('login.greeting', { name });",
  'numbers.tsx': '<Trans i18nKey="numbers.title" />; const s = tk(\'numbers.title\');',
};
const none = { missing: [], extra: [], placeholderMismatch: [], empty: [], unknown: [], unused: [], dynamic: [] };

describe('the locale key check can fail', () => {
  it('passes on consistent locales and sources', () => {
    expect(keyProblems({ en, ru, kk }, source)).toEqual(none);
  });

  it('reports a key missing from one language', () => {
    const broken = { ...kk, numbers: {} };
    expect(keyProblems({ en, ru, kk: broken }, source).missing).toEqual(['kk:numbers.title']);
  });

  it('reports a key only a translation has', () => {
    const broken = { ...ru, numbers: { title: 'Номера', extra: 'Лишний' } };
    expect(keyProblems({ en, ru: broken, kk }, source).extra).toEqual(['ru:numbers.extra']);
  });

  it('reports a key used in a component but absent from the locales', () => {
    const broken = { ...source, 'new.tsx': "t('numbers.subtitle')" };
    expect(keyProblems({ en, ru, kk }, broken).unknown).toEqual(['numbers.subtitle']);
  });

  it('reports a key present in the locales but used nowhere', () => {
    const { 'numbers.tsx': _dropped, ...broken } = source;
    expect(keyProblems({ en, ru, kk }, broken).unused).toEqual(['numbers.title']);
  });

  it('reports lost interpolation variables, empty texts and keys built at run time', () => {
    const brokenRu = { ...ru, login: { title: ' ', greeting: 'Здравствуйте' } };
    const dynamicKey = ['numbers.', '$', '{kind}'].join('');
    const problems = keyProblems({ en, ru: brokenRu, kk }, { ...source, 'x.tsx': `t(\`${dynamicKey}\`)` });
    expect(problems.placeholderMismatch).toEqual(['ru:login.greeting']);
    expect(problems.empty).toEqual(['ru:login.title']);
    expect(problems.dynamic).toEqual([`x.tsx: ${dynamicKey}`]);
  });

  it('flattens nested keys with dots', () => {
    expect([...flatten(en).keys()]).toEqual(['login.title', 'login.greeting', 'numbers.title']);
  });
});
