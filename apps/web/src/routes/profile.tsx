import { DataList, Paper, Skeleton, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ui/error-state';
import { useSelectedCompany } from '../features/companies/components/selected-company';
import { useMe } from '../features/profile/api/me';
import { formatMsisdn } from '../lib/format';
import { isLanguage, LANGUAGE_NAMES } from '../lib/languages';

/** F04 (read-only for now): the administrator's contact details and F05: the companies they manage. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { companies } = useSelectedCompany();

  return (
    <Stack gap="lg" maw={880}>
      <Title order={1}>{t('profile.title')}</Title>
      <Paper component="section" aria-labelledby="profile-details" withBorder radius="md" p="lg">
        <Title order={2} id="profile-details" fz="lg" mb="md">
          {t('profile.details')}
        </Title>
        {me.isPending ? (
          <Skeleton height={120} />
        ) : me.isError ? (
          <ErrorState message={me.error.message} onRetry={() => void me.refetch()} retrying={me.isFetching} />
        ) : (
          <DataList withDivider labelWidth="40%">
            <DataList.Item>
              <DataList.ItemLabel>{t('profile.fullName')}</DataList.ItemLabel>
              <DataList.ItemValue fw={500}>{me.data.fullName}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('profile.phone')}</DataList.ItemLabel>
              <DataList.ItemValue fw={500}>{formatMsisdn(me.data.phone)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('profile.email')}</DataList.ItemLabel>
              <DataList.ItemValue fw={500}>{me.data.email || t('common.notSpecified')}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('profile.language')}</DataList.ItemLabel>
              <DataList.ItemValue fw={500}>
                {isLanguage(me.data.language) ? LANGUAGE_NAMES[me.data.language] : me.data.language}
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
        )}
      </Paper>
      <Paper component="section" aria-labelledby="profile-companies" withBorder radius="md" p="lg">
        <Title order={2} id="profile-companies" fz="lg" mb="md">
          {t('profile.companies.title')}
        </Title>
        {/* Focusable so that keyboard users can scroll it on narrow screens. */}
        <Table.ScrollContainer
          minWidth={560}
          type="native"
          tabIndex={0}
          role="region"
          aria-labelledby="profile-companies"
        >
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('profile.companies.bin')}</Table.Th>
                <Table.Th scope="col">{t('profile.companies.fullName')}</Table.Th>
                <Table.Th scope="col">{t('profile.companies.alias')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('profile.companies.numbers')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {companies.map((company) => (
                <Table.Tr key={String(company.id)}>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{company.bin}</Table.Td>
                  <Table.Td>{company.fullName}</Table.Td>
                  <Table.Td>{company.alias || t('common.notSpecified')}</Table.Td>
                  <Table.Td ta="right">{company.numbersCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
