import { Anchor, Button, DataList, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ui/error-state';
import { ArrowLeftIcon, RefreshIcon, SearchIcon } from '../components/ui/icons';
import { SectionEmptyState } from '../components/ui/section-empty-state';
import { useSelectedCompany } from '../features/companies/components/selected-company';
import { type NumberDetails, useNumberDetails } from '../features/numbers/api/number-details';
import { ACCOUNT_TYPE_KEY, BILLING_METHOD_KEY, labelKey } from '../features/numbers/components/labels';
import { StatusBadge } from '../features/numbers/components/status-badge';
import { formatDateTime, formatMoney, formatMsisdn } from '../lib/format';
import { currentLanguage } from '../lib/i18n';

/** F11–F13: the number's header (status with date, refresh), details and general information. */
export function NumberProfilePage() {
  const { t } = useTranslation();
  const { msisdn } = useParams({ strict: false }) as { msisdn: string };
  const { company } = useSelectedCompany();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/numbers" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        <ArrowLeftIcon size={16} />
        {t('numberProfile.back')}
      </Anchor>
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

  const header = (
    <Group justify="space-between" align="flex-start" gap="sm">
      <div>
        <Title order={1}>{formatMsisdn(msisdn)}</Title>
        {details.data && (
          <Group gap="xs" mt={6} wrap="wrap">
            <StatusBadge status={details.data.status} size="lg" />
            <Text size="sm" c="dimmed">
              {t('numberProfile.statusSince', { date: formatDateTime(details.data.statusChangedAt) })}
            </Text>
          </Group>
        )}
      </div>
      <Button
        variant="default"
        leftSection={<RefreshIcon size={16} />}
        onClick={() => void details.refetch()}
        loading={details.isFetching && !details.isPending}
        disabled={details.isPending}
      >
        {t('numberProfile.refresh')}
      </Button>
    </Group>
  );

  if (details.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        {header}
        <Skeleton height={220} radius="md" />
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
      {header}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DetailsSection details={details.data} />
        <GeneralInformationSection details={details.data} />
      </SimpleGrid>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder radius="md" p="lg">
      <Title order={2} id={id} fz="lg" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Item({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>
        {label}
        {hint && (
          <Text component="span" display="block" size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </DataList.ItemLabel>
      <DataList.ItemValue fw={500}>{value}</DataList.ItemValue>
    </DataList.Item>
  );
}

function DetailsSection({ details }: { details: NumberDetails }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Section id="number-details" title={t('numberProfile.details.title')}>
      <DataList withDivider labelWidth="50%">
        <Item label={t('numberProfile.details.tariff')} value={details.tariff.name} />
        <Item
          label={t('numberProfile.details.availableFunds')}
          hint={t('numberProfile.details.availableFundsHint')}
          value={formatMoney(details.availableFunds, language)}
        />
        <Item
          label={t('numberProfile.details.individualLimit')}
          value={details.individualLimit ? formatMoney(details.individualLimit, language) : t('common.notSet')}
        />
        <Item label={t('numberProfile.details.creditLimit')} value={formatMoney(details.creditLimit, language)} />
        <Item
          label={t('numberProfile.details.outstandingBalance')}
          hint={t('numberProfile.details.outstandingBalanceHint')}
          value={formatMoney(details.outstandingBalance, language)}
        />
        {'roaming' in details && typeof details.roaming === 'boolean' && (
          <Item label={t('numberProfile.details.roaming')} value={details.roaming ? t('common.yes') : t('common.no')} />
        )}
      </DataList>
    </Section>
  );
}

function GeneralInformationSection({ details }: { details: NumberDetails }) {
  const { t } = useTranslation();
  const info = details.generalInformation;
  const billingKey = labelKey(BILLING_METHOD_KEY, info.billingMethod);
  const accountTypeKey = labelKey(ACCOUNT_TYPE_KEY, info.accountType);
  return (
    <Section id="number-general" title={t('numberProfile.general.title')}>
      <DataList withDivider labelWidth="50%">
        <Item
          label={t('numberProfile.general.billingMethod')}
          value={billingKey ? t(billingKey) : info.billingMethod}
        />
        <Item
          label={t('numberProfile.general.registrationFormNumber')}
          value={info.registrationFormNumber ?? t('common.notSpecified')}
        />
        <Item label={t('numberProfile.general.accountNumber')} value={info.accountNumber} />
        <Item
          label={t('numberProfile.general.accountType')}
          value={accountTypeKey ? t(accountTypeKey) : info.accountType}
        />
        <Item label={t('numberProfile.general.esim')} value={info.esimEnabled ? t('common.yes') : t('common.no')} />
      </DataList>
    </Section>
  );
}
