import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../../../components/ui/icons';
import type { DownloadedFile } from '../api/download';

/** Says which file the browser has just been given. */
export function FileSaved({ file }: { file: DownloadedFile }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="green"
      variant="light"
      icon={<CheckIcon />}
      role="status"
      styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}
      data-testid="file-saved"
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('documents.downloaded', { file: file.fileName })}
      </Text>
    </Alert>
  );
}
