import { Badge, Box, Button, Group, Modal, Paper, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { AlertIcon } from '../../../components/ui/icons';
import { formatDateTime } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { type Session, useEndSessionMutation, useSessions } from '../api/sessions';

/** B10: where this administrator is logged in; any session but this one can be ended (after a confirmation). */
export function SessionsList() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const [ending, setEnding] = useState<Session | null>(null);
  const end = useEndSessionMutation();

  if (sessions.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
        <Skeleton height={76} />
        <Skeleton height={76} />
      </Stack>
    );
  }
  if (sessions.isError) {
    return (
      <ErrorState
        message={sessions.error.message}
        onRetry={() => void sessions.refetch()}
        retrying={sessions.isFetching}
      />
    );
  }

  const items = sessions.data.items;
  const close = () => {
    setEnding(null);
    end.reset();
  };
  const onConfirm = () => {
    if (!ending) return;
    end.mutate(ending.id, {
      onSuccess: () => {
        notifySuccess(t('profile.sessions.ended', { device: ending.device }));
        setEnding(null);
      },
    });
  };

  return (
    <>
      {items.length === 0 ? (
        <Text c="dimmed">{t('profile.sessions.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((session) => (
            <Paper component="li" key={session.id} withBorder radius="md" p="md" data-session-id={session.id}>
              <Group justify="space-between" align="center" gap="sm">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{session.device}</Text>
                    {session.current && (
                      <Badge color="brand" variant="light">
                        {t('profile.sessions.thisDevice')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {t('profile.sessions.ip')}: {session.ip ?? t('profile.sessions.unknownIp')}
                  </Text>
                  <Text size="sm">
                    {t('profile.sessions.lastSeen')}: {formatDateTime(session.lastSeenAt)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('profile.sessions.createdAt')}: {formatDateTime(session.createdAt)}
                  </Text>
                </Stack>
                {!session.current && (
                  <Button
                    variant="light"
                    color="red"
                    onClick={() => setEnding(session)}
                    aria-label={t('profile.sessions.endLabel', {
                      device: session.device,
                      ip: session.ip ?? t('profile.sessions.unknownIp'),
                    })}
                  >
                    {t('profile.sessions.end')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal
        opened={ending !== null}
        onClose={close}
        title={t('profile.sessions.confirm.title')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>
            {t('profile.sessions.confirm.description', {
              device: ending?.device ?? '',
              ip: ending?.ip ?? t('profile.sessions.unknownIp'),
            })}
          </Text>
          {end.error && (
            <Box role="alert">
              <Group gap="xs" wrap="nowrap" c="red.9">
                <AlertIcon />
                <Text size="sm">{end.error.message}</Text>
              </Group>
            </Box>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={onConfirm} loading={end.isPending}>
              {t('profile.sessions.confirm.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
