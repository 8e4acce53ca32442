import { TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { formatPhoneInput, nextPhoneValue, parsePhoneInput } from '../../../lib/phone';

type PhoneFieldProps = {
  /** The 10 national digits, e.g. `7012112101`. */
  value: string;
  onChange: (national: string) => void;
  label: string;
  description?: ReactNode;
  error?: ReactNode;
  autoFocus?: boolean;
  disabled?: boolean;
  /** `phone` unless told otherwise. */
  name?: string;
  /** `tel` (the user's own number) unless told otherwise, e.g. `off` for someone else's number. */
  autoComplete?: string;
};

const PREFIX = '+7 (';

/** Phone number with a fixed +7 prefix and the mask +7 (7XX) XXX-XX-XX; accepts pasting any usual form. */
export function PhoneField({
  value,
  onChange,
  label,
  description,
  error,
  autoFocus,
  disabled,
  name = 'phone',
  autoComplete = 'tel',
}: PhoneFieldProps) {
  const [focused, setFocused] = useState(false);
  const formatted = formatPhoneInput(value);
  const shown = formatted || (focused ? PREFIX : '');
  return (
    <TextInput
      type="tel"
      inputMode="tel"
      autoComplete={autoComplete}
      name={name}
      label={label}
      description={description}
      placeholder="+7 (7XX) XXX-XX-XX"
      value={shown}
      error={error}
      required
      autoFocus={autoFocus}
      disabled={disabled}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(event) => onChange(nextPhoneValue(value, event.currentTarget.value))}
      onPaste={(event) => {
        const text = event.clipboardData.getData('text');
        if (!text) return;
        event.preventDefault();
        onChange(parsePhoneInput(text));
      }}
    />
  );
}
