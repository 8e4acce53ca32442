import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DocumentIcon } from '../components/ui/icons';
import { SectionEmptyState } from '../components/ui/section-empty-state';

/** Documents and reports (F30–F39): the section is not open yet. */
export function DocumentsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('documents.title')}</Title>
      <SectionEmptyState
        title={t('common.preparing.title')}
        description={t('documents.preparing')}
        icon={<DocumentIcon size={28} />}
      />
    </Stack>
  );
}
