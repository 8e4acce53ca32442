import { Alert, Anchor, Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../components/ui/icons';
import { usePasswordResetConfirmMutation } from '../features/auth/api/password-reset-confirm';
import { NewPasswordFields, useNewPasswordMessage } from '../features/auth/components/new-password-fields';
import { checkNewPassword, type NewPasswordProblems } from '../features/auth/password-rules';
import type { ApiError } from '../lib/api/errors';

/** The server accepts tokens of 20–200 characters; anything else cannot be a link it sent. */
function looksLikeToken(token: string | undefined): token is string {
  return typeof token === 'string' && token.length >= 20 && token.length <= 200;
}

function isInvalidLink(error: ApiError | null): boolean {
  return Boolean(error && (error.code === 'reset_link_invalid' || error.fieldMessage('token')));
}

/** F02 steps 4–5: the e-mailed link opens this page; a new password twice, "Sign out on other devices", Save. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const search: { token?: string } = useSearch({ strict: false });
  const token = search.token;
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [signOutOtherDevices, setSignOutOtherDevices] = useState(true);
  const [problems, setProblems] = useState<NewPasswordProblems>({});
  const problemMessage = useNewPasswordMessage();
  const confirm = usePasswordResetConfirmMutation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const state =
    !looksLikeToken(token) || isInvalidLink(confirm.error) ? 'invalid' : confirm.isSuccess ? 'done' : 'form';

  // The page changes under the reader: move the focus to the new heading.
  useEffect(() => {
    if (state !== 'form') headingRef.current?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!looksLikeToken(token)) return;
    const found = checkNewPassword(newPassword, confirmPassword);
    setProblems(found);
    if (found.newPassword || found.confirmPassword) return;
    confirm.mutate({ token, newPassword, signOutOtherDevices });
  };

  const serverError = confirm.error;
  const newPasswordError = problemMessage(problems.newPassword) ?? serverError?.fieldMessage('newPassword');
  const confirmPasswordError = problemMessage(problems.confirmPassword);
  const generalError =
    serverError && !isInvalidLink(serverError) && !serverError.hasFieldErrors(['newPassword'])
      ? serverError.message
      : null;

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} w="100%" maw={460} mx="auto">
      {state === 'invalid' ? (
        <Stack gap="md">
          <Title order={1} fz={{ base: 24, sm: 28 }} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('resetPassword.invalid.title')}
          </Title>
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            {serverError && isInvalidLink(serverError) ? serverError.message : t('resetPassword.invalid.description')}
          </Alert>
          <Button component={Link} to="/forgot-password" size="md" fullWidth>
            {t('resetPassword.invalid.requestNew')}
          </Button>
          <Anchor component={Link} to="/login" size="sm" style={{ alignSelf: 'center' }}>
            {t('forgotPassword.backToLogin')}
          </Anchor>
        </Stack>
      ) : state === 'done' ? (
        <Stack gap="md">
          <Title order={1} fz={{ base: 24, sm: 28 }} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('resetPassword.done.title')}
          </Title>
          <Text role="status">
            {signOutOtherDevices ? t('resetPassword.done.signedOut') : t('resetPassword.done.description')}
          </Text>
          <Button component={Link} to="/login" size="md" fullWidth>
            {t('resetPassword.done.toLogin')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-labelledby="reset-title">
          <Stack gap="md">
            <Title order={1} id="reset-title" fz={{ base: 24, sm: 28 }}>
              {t('resetPassword.title')}
            </Title>
            {generalError && (
              <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
                {generalError}
              </Alert>
            )}
            <NewPasswordFields
              newPassword={newPassword}
              confirmPassword={confirmPassword}
              onNewPasswordChange={(value) => {
                setNewPassword(value);
                if (confirm.error) confirm.reset();
                if (problems.newPassword) setProblems((previous) => ({ ...previous, newPassword: undefined }));
              }}
              onConfirmPasswordChange={(value) => {
                setConfirmPassword(value);
                if (problems.confirmPassword) setProblems((previous) => ({ ...previous, confirmPassword: undefined }));
              }}
              newPasswordError={newPasswordError}
              confirmPasswordError={confirmPasswordError}
              newPasswordLabel={t('resetPassword.newPassword')}
              confirmPasswordLabel={t('resetPassword.confirmPassword')}
              autoFocus
            />
            <Checkbox
              label={t('password.signOutOtherDevices')}
              checked={signOutOtherDevices}
              onChange={(event) => setSignOutOtherDevices(event.currentTarget.checked)}
            />
            <Button type="submit" size="md" fullWidth loading={confirm.isPending}>
              {t('resetPassword.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm" style={{ alignSelf: 'center' }}>
              {t('forgotPassword.backToLogin')}
            </Anchor>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
