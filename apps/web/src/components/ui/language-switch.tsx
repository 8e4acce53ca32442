import { Button, Group } from '@mantine/core';
import { LANGUAGE_NAMES, LANGUAGE_SHORT, LANGUAGES, type Language } from '../../lib/languages';

type LanguageSwitchProps = {
  value: Language;
  onChange: (language: Language) => void;
  /** Accessible name of the group, e.g. "Language". */
  label: string;
  /** `onDark` for the purple header bar. */
  tone?: 'onDark' | 'onLight';
};

/** EN / RU / KK toggle buttons; the pressed one is the current language. */
export function LanguageSwitch({ value, onChange, label, tone = 'onLight' }: LanguageSwitchProps) {
  return (
    <Group gap={4} role="group" aria-label={label} wrap="nowrap">
      {LANGUAGES.map((language) => {
        const selected = language === value;
        return (
          <Button
            key={language}
            size="compact-sm"
            variant={selected ? (tone === 'onDark' ? 'white' : 'filled') : tone === 'onDark' ? 'transparent' : 'subtle'}
            c={selected ? undefined : tone === 'onDark' ? 'white' : undefined}
            aria-pressed={selected}
            title={LANGUAGE_NAMES[language]}
            lang={language}
            onClick={() => {
              if (!selected) onChange(language);
            }}
          >
            {LANGUAGE_SHORT[language]}
          </Button>
        );
      })}
    </Group>
  );
}
