import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../components/ui/icons';
import { formatMsisdn } from '../../../lib/format';
import { RequestProgress } from '../../requests/components/request-progress';
import { numberKey } from '../api/query-keys';
import { isIccidShaped, useReplaceSimMutation } from '../api/sim-replacement';
import type { NumberActionDialogProps } from './number-actions';

/**
 * F21 "SIM card replacement": the new SIM card's ICCID, a confirmation, then the request's progress until the
 * replacement is done (the SIM card tab then shows the new ICCID and the replacement date).
 */
export function SimReplacementDialog({ companyId, msisdn, opened, onClose }: NumberActionDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('simReplacement.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <SimReplacementContent companyId={companyId} msisdn={msisdn} onClose={onClose} />
    </Modal>
  );
}

type Step = 'iccid' | 'confirm' | 'progress';

function SimReplacementContent({ companyId, msisdn, onClose }: Omit<NumberActionDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const replace = useReplaceSimMutation(companyId, msisdn);
  const [step, setStep] = useState<Step>('iccid');
  const [iccid, setIccid] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [requestId, setRequestId] = useState<string | null>(null);

  const serverFieldError = replace.error?.fieldMessage('iccid');
  const onContinue = (event: FormEvent) => {
    event.preventDefault();
    const value = iccid.replace(/\s/g, '');
    if (!isIccidShaped(value)) {
      setFieldError(t('simReplacement.iccidInvalid'));
      return;
    }
    setFieldError(null);
    replace.reset();
    setIccid(value);
    setStep('confirm');
  };
  const onConfirm = () => {
    replace.mutate(iccid, {
      onSuccess: (request) => {
        setRequestId(request.id);
        setStep('progress');
      },
      onError: (error) => {
        if (error.fieldMessage('iccid')) setStep('iccid');
      },
    });
  };

  if (step === 'progress' && requestId) {
    return (
      <Stack gap="md">
        <Text>{t('simReplacement.sent', { number: formatMsisdn(msisdn) })}</Text>
        <RequestProgress
          companyId={companyId}
          requestId={requestId}
          onDone={() => void queryClient.invalidateQueries({ queryKey: numberKey(companyId, msisdn) })}
        />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }

  if (step === 'confirm') {
    return (
      <Stack gap="md">
        <Text>{t('simReplacement.confirmText', { number: formatMsisdn(msisdn), iccid })}</Text>
        {replace.error && !serverFieldError && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            {replace.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setStep('iccid')} disabled={replace.isPending} data-autofocus>
            {t('common.back')}
          </Button>
          <Button onClick={onConfirm} loading={replace.isPending}>
            {t('simReplacement.confirm')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={onContinue} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('simReplacement.number', { number: formatMsisdn(msisdn) })}</Text>
        <TextInput
          label={t('simReplacement.iccid')}
          description={t('simReplacement.iccidHint')}
          value={iccid}
          onChange={(event) => {
            setIccid(event.currentTarget.value);
            setFieldError(null);
          }}
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          required
          error={fieldError ?? serverFieldError}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('common.continue')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
