import { TextInput } from '@mantine/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';

type EmailFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
};

/** "E-mail": where the report is sent (the form fills in the administrator's own address). */
export function EmailField({ value, onChange, error, inputRef }: EmailFieldProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      ref={inputRef}
      type="email"
      label={t('documents.form.email')}
      description={t('documents.form.emailHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      placeholder="name@company.kz"
      autoComplete="email"
      required
      maxLength={254}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}

/** The page's own check of an address (the server checks it too). */
export function isEmailShaped(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
