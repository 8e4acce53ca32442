import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TransferIcon } from '../components/ui/icons';
import { SectionEmptyState } from '../components/ui/section-empty-state';

/** Balance transfer (F40): the section is not open yet. */
export function TransferPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('transfer.title')}</Title>
      <SectionEmptyState
        title={t('common.preparing.title')}
        description={t('transfer.preparing')}
        icon={<TransferIcon size={28} />}
      />
    </Stack>
  );
}
