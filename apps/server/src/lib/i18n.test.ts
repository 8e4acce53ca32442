import { describe, expect, it } from 'vitest';
import { languages, pickLanguage, t, texts } from './i18n.js';

describe('server texts (F07)', () => {
  it('has every text in all three languages, each different from English where it is prose', () => {
    for (const [key, byLang] of Object.entries(texts)) {
      for (const lang of languages) expect(byLang[lang], `${key}.${lang}`).toBeTruthy();
      expect(byLang.ru, `${key}.ru is untranslated`).not.toBe(byLang.en);
    }
  });
  it('fills parameters', () => {
    expect(t('otp_invalid', 'en', { attemptsLeft: 3 })).toBe('Wrong code. Attempts left: 3.');
  });
  it('picks the language from Accept-Language', () => {
    expect(pickLanguage('kk-KZ,ru;q=0.8')).toBe('kk');
    expect(pickLanguage('de-DE,en;q=0.5')).toBe('en');
    expect(pickLanguage('fr')).toBe('ru');
    expect(pickLanguage(undefined, 'en')).toBe('en');
  });
});
