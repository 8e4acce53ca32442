import { Alert, Button, Checkbox, Group, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../components/ui/icons';
import { notifySuccess } from '../../../lib/notify';
import { NewPasswordFields, useNewPasswordMessage } from '../../auth/components/new-password-fields';
import { checkNewPassword, type NewPasswordProblems } from '../../auth/password-rules';
import { useChangePasswordMutation } from '../api/change-password';

/** F04 "Change password": current, new, repeat new; optionally ends every other session (B10). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [signOutOtherDevices, setSignOutOtherDevices] = useState(true);
  const [currentMissing, setCurrentMissing] = useState(false);
  const [problems, setProblems] = useState<NewPasswordProblems>({});
  const problemMessage = useNewPasswordMessage();
  const change = useChangePasswordMutation();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(newPassword, confirmPassword);
    setProblems(found);
    setCurrentMissing(!currentPassword);
    if (!currentPassword || found.newPassword || found.confirmPassword) return;
    change.mutate(
      { currentPassword, newPassword, signOutOtherDevices },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirmPassword('');
          notifySuccess(
            signOutOtherDevices ? t('profile.changePassword.doneSignedOut') : t('profile.changePassword.done'),
          );
        },
      },
    );
  };

  const serverError = change.error;
  const currentError = currentMissing
    ? t('profile.changePassword.errors.currentRequired')
    : serverError?.fieldMessage('currentPassword');
  const newPasswordError = problemMessage(problems.newPassword) ?? serverError?.fieldMessage('newPassword');
  const generalError =
    serverError && !serverError.hasFieldErrors(['currentPassword', 'newPassword']) ? serverError.message : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="change-password-title">
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            {generalError}
          </Alert>
        )}
        <PasswordInput
          name="current-password"
          label={t('profile.changePassword.current')}
          placeholder={t('profile.changePassword.currentPlaceholder')}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => {
            setCurrentPassword(event.currentTarget.value);
            setCurrentMissing(false);
            if (change.error?.fieldMessage('currentPassword')) change.reset();
          }}
          error={currentError}
          aria-invalid={Boolean(currentError) || undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
        />
        <NewPasswordFields
          newPassword={newPassword}
          confirmPassword={confirmPassword}
          onNewPasswordChange={(value) => {
            setNewPassword(value);
            if (change.error?.fieldMessage('newPassword')) change.reset();
            if (problems.newPassword) setProblems((previous) => ({ ...previous, newPassword: undefined }));
          }}
          onConfirmPasswordChange={(value) => {
            setConfirmPassword(value);
            if (problems.confirmPassword) setProblems((previous) => ({ ...previous, confirmPassword: undefined }));
          }}
          newPasswordError={newPasswordError}
          confirmPasswordError={problemMessage(problems.confirmPassword)}
          newPasswordLabel={t('profile.changePassword.new')}
          confirmPasswordLabel={t('profile.changePassword.repeat')}
        />
        <Checkbox
          label={t('password.signOutOtherDevices')}
          description={t('profile.changePassword.signOutHint')}
          checked={signOutOtherDevices}
          onChange={(event) => setSignOutOtherDevices(event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('profile.changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
