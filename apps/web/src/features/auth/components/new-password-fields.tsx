import { PasswordInput, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewPasswordProblem } from '../password-rules';

type NewPasswordFieldsProps = {
  newPassword: string;
  confirmPassword: string;
  onNewPasswordChange: (value: string) => void;
  onConfirmPasswordChange: (value: string) => void;
  newPasswordError?: ReactNode;
  confirmPasswordError?: ReactNode;
  /** Labels: "New password" / "Confirm password" on the reset page, "Your new password" / … in My Profile. */
  newPasswordLabel: string;
  confirmPasswordLabel: string;
  autoFocus?: boolean;
};

/**
 * The new password (with the rules as a hint under it) and its repetition; used by F02 and F04.
 * Mantine's PasswordInput marks an error only with data-invalid: aria-invalid is set here for screen readers.
 */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PasswordInput
        name="new-password"
        label={props.newPasswordLabel}
        placeholder={t('password.newPlaceholder')}
        description={t('password.rules')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        autoComplete="new-password"
        required
        autoFocus={props.autoFocus}
        value={props.newPassword}
        onChange={(event) => props.onNewPasswordChange(event.currentTarget.value)}
        error={props.newPasswordError}
        aria-invalid={Boolean(props.newPasswordError) || undefined}
        visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
      />
      <PasswordInput
        name="confirm-password"
        label={props.confirmPasswordLabel}
        placeholder={t('password.confirmPlaceholder')}
        autoComplete="new-password"
        required
        value={props.confirmPassword}
        onChange={(event) => props.onConfirmPasswordChange(event.currentTarget.value)}
        error={props.confirmPasswordError}
        aria-invalid={Boolean(props.confirmPasswordError) || undefined}
        visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
      />
    </Stack>
  );
}

/** The translated message for a problem found in the browser. */
export function useNewPasswordMessage() {
  const { t } = useTranslation();
  return (problem: NewPasswordProblem | undefined): string | undefined => {
    switch (problem) {
      case 'required':
        return t('password.errors.required');
      case 'tooShort':
        return t('password.errors.tooShort');
      case 'tooLong':
        return t('password.errors.tooLong');
      case 'confirmRequired':
        return t('password.errors.confirmRequired');
      case 'mismatch':
        return t('password.errors.mismatch');
      default:
        return undefined;
    }
  };
}
