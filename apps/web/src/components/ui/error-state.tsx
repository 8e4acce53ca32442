import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from './icons';

type ErrorStateProps = {
  /** The server's translated message, or a local one. */
  message: string;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
};

export function ErrorState({ message, title, onRetry, retrying }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} title={title ?? t('common.errorTitle')} role="alert">
      <Text size="sm">{message}</Text>
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="outline" color="red" onClick={onRetry} loading={retrying}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
