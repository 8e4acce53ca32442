import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, InfoIcon } from '../components/ui/icons';
import { usePasswordResetMutation } from '../features/auth/api/password-reset';
import { PhoneField } from '../features/auth/components/phone-field';
import { isCompletePhone, toMsisdn } from '../lib/phone';

/** F02 step 1: the administrator's phone → an e-mail with a reset link (the answer never tells if the phone exists). */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const reset = usePasswordResetMutation();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!isCompletePhone(phone)) {
      setLocalError(t('login.errors.phoneIncomplete'));
      return;
    }
    setLocalError(undefined);
    reset.mutate(toMsisdn(phone));
  };

  const serverError = reset.error;
  const phoneError = localError ?? serverError?.fieldMessage('phone');
  const generalError = serverError && !serverError.hasFieldErrors(['phone']) ? serverError.message : null;

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} w="100%" maw={460} mx="auto">
      <Stack gap="md">
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {t('forgotPassword.title')}
        </Title>
        {reset.isSuccess ? (
          <>
            <Alert color="brand" variant="light" icon={<InfoIcon />} role="status">
              {reset.data.message || t('forgotPassword.sent')}
            </Alert>
            <Anchor component={Link} to="/login">
              {t('forgotPassword.backToLogin')}
            </Anchor>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <Text size="sm">{t('forgotPassword.instructions')}</Text>
              {generalError && (
                <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
                  {generalError}
                </Alert>
              )}
              <PhoneField
                value={phone}
                onChange={(value) => {
                  setPhone(value);
                  setLocalError(undefined);
                }}
                label={t('login.phone')}
                error={phoneError}
                autoFocus
              />
              <Button type="submit" size="md" fullWidth loading={reset.isPending}>
                {t('forgotPassword.submit')}
              </Button>
              <Anchor component={Link} to="/login" size="sm" style={{ alignSelf: 'center' }}>
                {t('forgotPassword.backToLogin')}
              </Anchor>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
