import { Alert, Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon } from '../../../components/ui/icons';
import { isRequestDone, type PortalRequest, useRequest } from '../api/requests';
import { RequestStatusBadge } from './request-status-badge';

type RequestProgressProps = {
  companyId: string;
  requestId: string;
  /** Called once when the request has succeeded or failed. */
  onDone?: (request: PortalRequest) => void;
};

/** Follows an asynchronous request (polling it) and shows its status, then its outcome and note. */
export function RequestProgress({ companyId, requestId, onDone }: RequestProgressProps) {
  const { t } = useTranslation();
  const request = useRequest(companyId, requestId);
  const data = request.data;
  const done = isRequestDone(data);

  // Only the moment it is done matters, not a new callback on each render.
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  const fired = useRef(false);
  useEffect(() => {
    if (!data || !done || fired.current) return;
    fired.current = true;
    onDoneRef.current?.(data);
  }, [done, data]);

  if (!data) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('requests.progress.waiting')}</Text>
      </Group>
    );
  }
  if (data.status === 'succeeded') {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<CheckIcon />}
        role="status"
        title={t('requests.progress.done')}
        // Green text is below 4.5:1 on the light green background: the title stays dark, the icon carries the colour.
        styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
      >
        <Text size="sm">{data.message ?? t('requests.progress.succeeded')}</Text>
        {data.note && (
          <Text size="sm" mt="xs">
            {data.note}
          </Text>
        )}
      </Alert>
    );
  }
  if (data.status === 'failed') {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<AlertIcon />}
        role="alert"
        title={t('requests.progress.failed')}
        styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
      >
        {data.error?.message ?? data.message ?? t('errors.unexpected')}
      </Alert>
    );
  }
  return (
    <Group gap="sm" role="status" wrap="nowrap">
      <Loader size="sm" />
      <Text size="sm">{t('requests.progress.inProgress')}</Text>
      <RequestStatusBadge status={data.status} />
    </Group>
  );
}
