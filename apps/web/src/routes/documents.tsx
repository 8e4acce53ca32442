import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DocumentIcon } from '../components/ui/icons';
import { SectionEmptyState } from '../components/ui/section-empty-state';
import { companyDisplayName } from '../features/companies/api/companies';
import { useSelectedCompany } from '../features/companies/components/selected-company';
import { DOCUMENT_SECTIONS } from '../features/documents/sections';

/** Documents and reports (F30–F39): one card per document or report of the selected company. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();

  if (!company) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('documents.title')}</Title>
        <SectionEmptyState
          title={t('numbers.noCompanies.title')}
          description={t('numbers.noCompanies.description')}
          icon={<DocumentIcon size={28} />}
        />
      </Stack>
    );
  }

  const companyId = String(company.id);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('documents.title')}</Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('documents.subtitle', { company: companyDisplayName(company) })}
        </Text>
      </div>
      <nav aria-label={t('documents.contents')}>
        <Group component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none', rowGap: 4 }}>
          {DOCUMENT_SECTIONS.map(({ id, titleKey }) => (
            <li key={id}>
              <Anchor href={`#${id}`} size="sm">
                {t(titleKey)}
              </Anchor>
            </li>
          ))}
        </Group>
      </nav>
      {DOCUMENT_SECTIONS.map(({ id, component: Section }) => (
        <Section key={`${companyId}:${id}`} companyId={companyId} />
      ))}
    </Stack>
  );
}
