import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../components/ui/icons';
import { useLoginMutation } from '../features/auth/api/login';
import { saveChallenge } from '../features/auth/api/otp-challenge';
import { Announcement } from '../features/auth/components/announcement';
import { PhoneField } from '../features/auth/components/phone-field';
import { isCompletePhone, toMsisdn } from '../lib/phone';

type LocalErrors = { phone?: string; password?: string };

/** F01 step 1: phone and password (with the F03 announcement above). */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search: { redirect?: string } = useSearch({ strict: false });
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<LocalErrors>({});
  const login = useLoginMutation();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: LocalErrors = {};
    if (!isCompletePhone(phone)) errors.phone = t('login.errors.phoneIncomplete');
    if (!password) errors.password = t('login.errors.passwordRequired');
    setLocalErrors(errors);
    if (errors.phone || errors.password) return;
    login.mutate(
      { phone: toMsisdn(phone), password },
      {
        onSuccess: (challenge) => {
          saveChallenge(challenge, search.redirect);
          void navigate({ to: '/login/code', search: { redirect: search.redirect } });
        },
      },
    );
  };

  const serverError = login.error;
  const phoneError = localErrors.phone ?? serverError?.fieldMessage('phone');
  const passwordError = localErrors.password ?? serverError?.fieldMessage('password');
  const generalError = serverError && !serverError.hasFieldErrors(['phone', 'password']) ? serverError.message : null;

  return (
    <Stack gap="lg" maw={960} mx="auto">
      <Announcement />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} w="100%" maw={460} mx="auto">
        <form onSubmit={onSubmit} noValidate aria-labelledby="login-title">
          <Stack gap="md">
            <div>
              <Title order={1} id="login-title" fz={{ base: 24, sm: 28 }}>
                {t('login.title')}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('login.subtitle')}
              </Text>
            </div>
            {generalError && (
              <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
                {generalError}
              </Alert>
            )}
            <PhoneField
              value={phone}
              onChange={(value) => {
                setPhone(value);
                if (localErrors.phone) setLocalErrors((previous) => ({ ...previous, phone: undefined }));
              }}
              label={t('login.phone')}
              error={phoneError}
              autoFocus
            />
            <PasswordInput
              name="password"
              label={t('login.password')}
              placeholder={t('login.passwordPlaceholder')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                if (localErrors.password) setLocalErrors((previous) => ({ ...previous, password: undefined }));
              }}
              error={passwordError}
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            />
            <Anchor component={Link} to="/forgot-password" size="sm" style={{ alignSelf: 'flex-start' }}>
              {t('login.forgotPassword')}
            </Anchor>
            <Button type="submit" size="md" fullWidth loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" ta="center">
        {t('login.faqPrompt')}{' '}
        <Anchor component={Link} to="/faq" fw={600}>
          {t('login.faqLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}
