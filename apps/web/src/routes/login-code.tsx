import { Alert, Anchor, Button, Paper, PinInput, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../components/ui/icons';
import { clearChallenge, loadChallenge, type StoredChallenge, saveChallenge } from '../features/auth/api/otp-challenge';
import { useResendOtpMutation } from '../features/auth/api/otp-resend';
import { useVerifyOtpMutation } from '../features/auth/api/otp-verify';
import { updateLanguage } from '../features/profile/api/update-language';
import { isApiError } from '../lib/api/errors';
import { currentLanguage } from '../lib/i18n';
import { isLanguage, LANGUAGE_STORAGE_KEY } from '../lib/languages';

const CODE_LENGTH = 6;

function secondsUntil(timestamp: number): number {
  return Math.max(0, Math.ceil((timestamp - Date.now()) / 1000));
}

function hasStoredLanguage(): boolean {
  try {
    return isLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return false;
  }
}

/** F01 step 2: the six-digit one-time code, with "Send code again" after a countdown. */
export function LoginCodePage() {
  const [challenge, setChallenge] = useState<StoredChallenge | null>(() => loadChallenge());
  if (!challenge) return <Navigate to="/login" replace />;
  return <CodeForm challenge={challenge} onChallenge={setChallenge} />;
}

function CodeForm({
  challenge,
  onChallenge,
}: {
  challenge: StoredChallenge;
  onChallenge: (challenge: StoredChallenge) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labelId = useId();
  const firstInput = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState(() => challenge.receivedAt + challenge.resendAfterSeconds * 1000);
  const [secondsLeft, setSecondsLeft] = useState(() => secondsUntil(resendAt));
  const verify = useVerifyOtpMutation();
  const resend = useResendOtpMutation();

  useEffect(() => {
    const update = () => setSecondsLeft(secondsUntil(resendAt));
    update();
    const timer = window.setInterval(update, 1000);
    return () => window.clearInterval(timer);
  }, [resendAt]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (code.length !== CODE_LENGTH) {
      setLocalError(t('otp.errors.incomplete'));
      firstInput.current?.focus();
      return;
    }
    setLocalError(null);
    verify.mutate(
      { challengeId: challenge.challengeId, code },
      {
        onSuccess: async ({ administrator }) => {
          clearChallenge();
          // The interface keeps the language the administrator logged in with; one chosen explicitly in this browser
          // also becomes the administrator's language on the server (SMS, e-mails, documents).
          if (hasStoredLanguage() && administrator.language !== currentLanguage()) {
            void updateLanguage(currentLanguage()).catch(() => {});
          }
          if (challenge.redirect) await navigate({ href: challenge.redirect, replace: true });
          else await navigate({ to: '/numbers', replace: true });
        },
        onError: (error) => {
          if (error.code === 'otp_invalid') {
            setCode('');
            firstInput.current?.focus();
          }
        },
      },
    );
  };

  const onResend = () => {
    setNotice(null);
    setLocalError(null);
    verify.reset();
    resend.mutate(challenge.challengeId, {
      onSuccess: (next) => {
        const stored = saveChallenge(next, challenge.redirect);
        onChallenge(stored);
        setResendAt(stored.receivedAt + stored.resendAfterSeconds * 1000);
        setCode('');
        setNotice(t('otp.resent'));
        firstInput.current?.focus();
      },
      onError: (error) => {
        const retryAfter = error.details.retryAfterSeconds;
        if (typeof retryAfter === 'number') setResendAt(Date.now() + retryAfter * 1000);
      },
    });
  };

  const verifyError = verify.error;
  const errorMessage = localError ?? verifyError?.message ?? null;
  const challengeIsOver =
    isApiError(verifyError) && (verifyError.code === 'otp_expired' || verifyError.code === 'otp_attempts_exceeded');
  const resendError = resend.error?.message ?? null;

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} w="100%" maw={460} mx="auto">
      <form onSubmit={onSubmit} noValidate aria-labelledby="otp-title">
        <Stack gap="md">
          <Title order={1} id="otp-title" fz={{ base: 24, sm: 28 }}>
            {t('otp.title')}
          </Title>
          <Text size="sm">
            {challenge.channel === 'email'
              ? t('otp.sentByEmail', { destination: challenge.destination })
              : t('otp.sentBySms', { destination: challenge.destination })}
          </Text>
          <Stack gap={6}>
            <Text component="span" id={labelId} size="sm" fw={500}>
              {t('otp.codeLabel')}
            </Text>
            <PinInput
              ref={firstInput}
              length={CODE_LENGTH}
              type="number"
              oneTimeCode
              autoFocus
              value={code}
              onChange={(value) => {
                setCode(value);
                if (localError) setLocalError(null);
              }}
              error={Boolean(errorMessage)}
              aria-labelledby={labelId}
              size="md"
              gap="xs"
              getInputProps={(index) => ({
                'aria-label': t('otp.digitLabel', { index: index + 1, total: CODE_LENGTH }),
                'aria-invalid': Boolean(errorMessage),
                'aria-describedby': errorMessage ? 'otp-error' : undefined,
              })}
            />
            {errorMessage && (
              <Text id="otp-error" size="sm" c="var(--mantine-color-error)" role="alert">
                {errorMessage}
              </Text>
            )}
          </Stack>
          {challengeIsOver && (
            <Anchor component={Link} to="/login" size="sm">
              {t('otp.backToLogin')}
            </Anchor>
          )}
          {notice && (
            <Text size="sm" role="status">
              {notice}
            </Text>
          )}
          {resendError && (
            <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
              {resendError}
            </Alert>
          )}
          <Button
            variant="subtle"
            onClick={onResend}
            disabled={secondsLeft > 0}
            loading={resend.isPending}
            className="resend-button"
            style={{ alignSelf: 'flex-start' }}
            px={4}
          >
            {secondsLeft > 0 ? t('otp.resendIn', { seconds: secondsLeft }) : t('otp.resend')}
          </Button>
          <Button type="submit" size="md" fullWidth loading={verify.isPending}>
            {t('otp.continue')}
          </Button>
          <Anchor component={Link} to="/login" size="sm" style={{ alignSelf: 'center' }}>
            {t('otp.changeNumber')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
