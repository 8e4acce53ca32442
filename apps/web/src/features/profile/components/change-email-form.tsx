import { Alert, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../components/ui/icons';
import { notifySuccess } from '../../../lib/notify';
import { useChangeEmailMutation } from '../api/change-email';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type LocalErrors = { email?: string; password?: string };

/** F04 "Change e-mail": the new address and the current password. */
export function ChangeEmailForm({ currentEmail }: { currentEmail: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(currentEmail);
  const [password, setPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<LocalErrors>({});
  const change = useChangeEmailMutation();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = email.trim();
    const errors: LocalErrors = {};
    if (!EMAIL_PATTERN.test(next) || next.length > 254) errors.email = t('profile.changeEmail.errors.invalid');
    else if (next.toLowerCase() === currentEmail.toLowerCase()) errors.email = t('profile.changeEmail.errors.same');
    if (!password) errors.password = t('login.errors.passwordRequired');
    setLocalErrors(errors);
    if (errors.email || errors.password) return;
    change.mutate(
      { email: next, password },
      {
        onSuccess: (me) => {
          setEmail(me.email);
          setPassword('');
          notifySuccess(t('profile.changeEmail.done', { email: me.email }));
        },
      },
    );
  };

  const serverError = change.error;
  const emailError = localErrors.email ?? serverError?.fieldMessage('email');
  const passwordError = localErrors.password ?? serverError?.fieldMessage('password');
  const generalError = serverError && !serverError.hasFieldErrors(['email', 'password']) ? serverError.message : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="change-email-title">
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            {generalError}
          </Alert>
        )}
        <TextInput
          type="email"
          name="email"
          label={t('profile.changeEmail.email')}
          placeholder="name@company.kz"
          autoComplete="email"
          required
          maxLength={254}
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            if (change.error) change.reset();
            if (localErrors.email) setLocalErrors((previous) => ({ ...previous, email: undefined }));
          }}
          error={emailError}
        />
        <PasswordInput
          name="password"
          label={t('profile.changeEmail.password')}
          placeholder={t('profile.changeEmail.passwordPlaceholder')}
          description={t('profile.changeEmail.passwordHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            if (change.error) change.reset();
            if (localErrors.password) setLocalErrors((previous) => ({ ...previous, password: undefined }));
          }}
          error={passwordError}
          aria-invalid={Boolean(passwordError) || undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('profile.changeEmail.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
