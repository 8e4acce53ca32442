import i18n, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectInitialLanguage, isLanguage, LANGUAGES, type Language, storeLanguage } from './languages';

type Resources = Record<string, unknown>;

// Each language is its own chunk: only the one in use is downloaded.
const loaders: Record<Language, () => Promise<{ default: Resources }>> = {
  en: () => import('../locales/en.json'),
  ru: () => import('../locales/ru.json'),
  kk: () => import('../locales/kk.json'),
};

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, _namespace: string, callback: ReadCallback) {
    if (!isLanguage(language)) {
      callback(null, {});
      return;
    }
    loaders[language]().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error.message : String(error), false),
    );
  },
};

/** Marks a translation key that is chosen at run time, so the locale check sees it as used: `tk('numbers.status.active')`. */
export function tk<K extends string>(key: K): K {
  return key;
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : 'en';
}

export async function setLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}

export function initI18n(): typeof i18n {
  const language = detectInitialLanguage();
  applyDocumentLanguage(language);
  i18n.on('languageChanged', applyDocumentLanguage);
  void i18n
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: [...LANGUAGES],
      fallbackLng: false,
      load: 'currentOnly',
      ns: ['translation'],
      defaultNS: 'translation',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
    });
  return i18n;
}

export { i18n };
