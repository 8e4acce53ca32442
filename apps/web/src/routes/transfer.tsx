import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HowToLink } from '../components/ui/how-to-link';
import { TransferIcon } from '../components/ui/icons';
import { SectionEmptyState } from '../components/ui/section-empty-state';
import { companyDisplayName } from '../features/companies/api/companies';
import { useSelectedCompany } from '../features/companies/components/selected-company';
import { RecentTransfers } from '../features/transfers/components/recent-transfers';
import { TransferForm } from '../features/transfers/components/transfer-form';

/** F40 Balance transfer: between numbers of the selected company only (same BIN); recent transfers below. */
export function TransferPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();

  if (!company) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('transfer.title')}</Title>
        <SectionEmptyState
          title={t('numbers.noCompanies.title')}
          description={t('numbers.noCompanies.description')}
          icon={<TransferIcon size={28} />}
        />
      </Stack>
    );
  }

  const companyId = String(company.id);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Title order={1}>{t('transfer.title')}</Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('transfer.subtitle', { company: companyDisplayName(company) })}
          </Text>
        </div>
        <HowToLink label={t('howTo.transfer')} help={t('howTo.transferHelp')} />
      </Group>
      {/* Another company, another form: nothing chosen for one company carries over to the next. */}
      <TransferForm key={companyId} companyId={companyId} />
      <RecentTransfers companyId={companyId} />
    </Stack>
  );
}
