import { Anchor, Breadcrumbs, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ui/error-state';
import { HowToLink } from '../components/ui/how-to-link';
import { SearchIcon } from '../components/ui/icons';
import { SectionEmptyState } from '../components/ui/section-empty-state';
import { useSelectedCompany } from '../features/companies/components/selected-company';
import { type NumberDetails, useNumberDetails } from '../features/numbers/api/number-details';
import { AllowancesSection } from '../features/numbers/components/allowances-section';
import { NumberHeader } from '../features/numbers/components/number-header';
import { NumberInfoTabs } from '../features/numbers/components/number-info-tabs';
import { InfoItem, InfoList, ProfileSection } from '../features/numbers/components/profile-section';
import { ServicesSection } from '../features/numbers/components/services-section';
import { formatMoney, formatMsisdn } from '../lib/format';
import { currentLanguage } from '../lib/i18n';

/**
 * F11–F18, F20, F23: "Number management > Number information": the header (status, Block / Unblock, Refresh, the
 * action menu), the number's details, "General information | SIM card and device | Contract phone",
 * "Remaining allowances | Additional allowances" and the services.
 */
export function NumberProfilePage() {
  const { t } = useTranslation();
  const { msisdn } = useParams({ strict: false }) as { msisdn: string };
  const { company } = useSelectedCompany();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="xs">
        <nav aria-label={t('numberProfile.breadcrumb.label')}>
          <Breadcrumbs separator="›" separatorMargin={6} styles={{ root: { flexWrap: 'wrap' } }}>
            <Anchor component={Link} to="/numbers" size="sm">
              {t('layout.nav.numbers')}
            </Anchor>
            <Text size="sm" aria-current="page">
              {t('numberProfile.breadcrumb.current')}
            </Text>
          </Breadcrumbs>
        </nav>
        <HowToLink label={t('howTo.numberProfile')} faq="no-unblock" />
      </Group>
      {company ? (
        <NumberProfile companyId={String(company.id)} msisdn={msisdn} />
      ) : (
        <Title order={1}>{formatMsisdn(msisdn)}</Title>
      )}
    </Stack>
  );
}

function NumberProfile({ companyId, msisdn }: { companyId: string; msisdn: string }) {
  const { t } = useTranslation();
  const details = useNumberDetails(companyId, msisdn);

  if (details.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        <NumberHeader companyId={companyId} msisdn={msisdn} />
        <Text size="sm" c="dimmed" role="status">
          {t('common.loading')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Skeleton height={260} radius="md" />
          <Skeleton height={260} radius="md" />
        </SimpleGrid>
        <Skeleton height={180} radius="md" />
        <Skeleton height={320} radius="md" />
      </Stack>
    );
  }
  if (details.isError) {
    return (
      <Stack gap="lg">
        <Title order={1}>{formatMsisdn(msisdn)}</Title>
        {details.error.status === 404 ? (
          <SectionEmptyState
            title={t('numberProfile.notFound.title')}
            description={t('numberProfile.notFound.description')}
            icon={<SearchIcon size={28} />}
          />
        ) : (
          <ErrorState
            message={details.error.message}
            onRetry={() => void details.refetch()}
            retrying={details.isFetching}
          />
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <NumberHeader companyId={companyId} msisdn={msisdn} details={details.data} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DetailsSection details={details.data} />
        <NumberInfoTabs companyId={companyId} msisdn={msisdn} details={details.data} />
      </SimpleGrid>
      <AllowancesSection companyId={companyId} msisdn={msisdn} />
      <ServicesSection companyId={companyId} msisdn={msisdn} />
    </Stack>
  );
}

/** F12: tariff, available funds, individual limit, account credit limit, outstanding balance. */
function DetailsSection({ details }: { details: NumberDetails }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ProfileSection id="number-details" title={t('numberProfile.details.title')}>
      <InfoList>
        <InfoItem label={t('numberProfile.details.tariff')} value={details.tariff.name} />
        <InfoItem
          label={t('numberProfile.details.availableFunds')}
          hint={t('numberProfile.details.availableFundsHint')}
          value={formatMoney(details.availableFunds, language)}
        />
        <InfoItem
          label={t('numberProfile.details.individualLimit')}
          value={details.individualLimit ? formatMoney(details.individualLimit, language) : t('common.notSet')}
        />
        <InfoItem label={t('numberProfile.details.creditLimit')} value={formatMoney(details.creditLimit, language)} />
        <InfoItem
          label={t('numberProfile.details.outstandingBalance')}
          hint={t('numberProfile.details.outstandingBalanceHint')}
          value={formatMoney(details.outstandingBalance, language)}
        />
        <InfoItem
          label={t('numberProfile.details.roaming')}
          value={details.roaming ? t('common.yes') : t('common.no')}
        />
      </InfoList>
    </ProfileSection>
  );
}
