import { Alert, Button, Checkbox, Group, Image, List, Modal, Radio, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, InfoIcon } from '../../../components/ui/icons';
import { formatDateTime, formatMoney, formatMsisdn } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { RequestProgress } from '../../requests/components/request-progress';
import { type EsimOrder, type EsimOs, useConfirmEsimMutation, useIssueEsimMutation } from '../api/esim';
import { numberKey } from '../api/query-keys';
import type { NumberActionDialogProps } from './number-actions';

/**
 * F22 "eSIM replacement" as in the manual: the smartphone's OS (with the warning), the steps and "Issue eSIM", the QR
 * code, "I'm sure the eSIM is set up" and "Change to eSIM", the confirmation, then the request until "Done!".
 */
export function EsimDialog({ companyId, msisdn, opened, onClose }: NumberActionDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('esim.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <EsimContent companyId={companyId} msisdn={msisdn} onClose={onClose} />
    </Modal>
  );
}

type Step = 'os' | 'qr' | 'confirm' | 'progress';

function EsimContent({ companyId, msisdn, onClose }: Omit<NumberActionDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const issue = useIssueEsimMutation(companyId, msisdn);
  const confirm = useConfirmEsimMutation(companyId, msisdn);
  const [step, setStep] = useState<Step>('os');
  const [os, setOs] = useState<EsimOs>('ios');
  const [order, setOrder] = useState<EsimOrder | null>(null);
  const [sure, setSure] = useState(false);
  const [requestId, setRequestId] = useState<string | null>(null);

  const onIssue = () => {
    confirm.reset();
    issue.mutate(os, {
      onSuccess: (issued) => {
        setOrder(issued);
        setSure(false);
        setStep('qr');
      },
    });
  };
  const onConfirm = () => {
    if (!order) return;
    confirm.mutate(order.id, {
      onSuccess: (request) => {
        setRequestId(request.id);
        setStep('progress');
      },
      onError: (error) => {
        if (error.code === 'esim_order_expired') {
          setOrder(null);
          setStep('os');
        }
      },
    });
  };

  if (step === 'progress' && requestId) {
    return (
      <Stack gap="md">
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
        <Text fw={600}>{t('esim.confirmQuestion')}</Text>
        {confirm.error && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            {confirm.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setStep('qr')} disabled={confirm.isPending} data-autofocus>
            {t('common.back')}
          </Button>
          <Button onClick={onConfirm} loading={confirm.isPending}>
            {t('esim.confirmYes')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (step === 'qr' && order) {
    return (
      <Stack gap="md">
        <List type="ordered" spacing={4} size="sm">
          {order.steps.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Image
          src={order.qrCode}
          alt={t('esim.qrAlt', { code: order.activationCode })}
          w={220}
          h={220}
          fit="contain"
          mx="auto"
        />
        <Text size="xs" c="dimmed" ta="center" style={{ overflowWrap: 'anywhere' }}>
          {order.activationCode}
        </Text>
        <Alert color="blue" variant="light" icon={<InfoIcon />}>
          <Text size="sm">
            {t('esim.validity', {
              until: formatDateTime(order.expiresAt),
              cost: formatMoney(order.cost, currentLanguage()),
            })}
          </Text>
          {order.notice && (
            <Text size="sm" mt={4}>
              {order.notice}
            </Text>
          )}
        </Alert>
        <Checkbox label={t('esim.sure')} checked={sure} onChange={(event) => setSure(event.currentTarget.checked)} />
        <Group justify="space-between" gap="sm">
          <Button variant="default" onClick={() => setStep('os')}>
            {t('common.back')}
          </Button>
          <Button onClick={() => setStep('confirm')} disabled={!sure}>
            {t('esim.change')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('esim.number', { number: formatMsisdn(msisdn) })}</Text>
      <Alert color="yellow" variant="light" icon={<AlertIcon />}>
        {t('esim.warning')}
      </Alert>
      <Radio.Group label={t('esim.osLabel')} value={os} onChange={(value) => setOs(value as EsimOs)}>
        <Group gap="lg" mt="xs">
          <Radio value="ios" label="iOS" />
          <Radio value="android" label="Android" />
        </Group>
      </Radio.Group>
      <Text size="sm">{os === 'ios' ? t('esim.stepsIos') : t('esim.stepsAndroid')}</Text>
      <Text size="sm">{t('esim.issueHint')}</Text>
      {/* A refusal to issue, or the QR code having expired on "Change to eSIM" (issue a new one). */}
      {(issue.error ?? confirm.error) && (
        <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
          {(issue.error ?? confirm.error)?.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={onIssue} loading={issue.isPending}>
          {t('esim.issue')}
        </Button>
      </Group>
    </Stack>
  );
}
