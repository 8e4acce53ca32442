import { Alert, Button, DataList, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, MenuIcon } from '../../../components/ui/icons';
import { SectionEmptyState } from '../../../components/ui/section-empty-state';
import { notifySuccess } from '../../../lib/notify';
import type { Company } from '../api/companies';
import { useUpdateCompanyAliasMutation } from '../api/update-company-alias';
import { useSelectedCompany } from './selected-company';

const ALIAS_MAX = 60;

/** F05 "My companies": BIN, full name and the administrator's own short name, saved per company. */
export function CompanyAliases() {
  const { t } = useTranslation();
  const { companies } = useSelectedCompany();
  if (companies.length === 0) {
    return (
      <SectionEmptyState
        title={t('profile.companies.empty.title')}
        description={t('profile.companies.empty.description')}
        icon={<MenuIcon size={28} />}
      />
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {companies.map((company) => (
        <CompanyCard key={company.id} company={company} />
      ))}
    </SimpleGrid>
  );
}

function CompanyCard({ company }: { company: Company }) {
  const { t } = useTranslation();
  const titleId = useId();
  const saved = company.alias ?? '';
  const [alias, setAlias] = useState(saved);
  const [tooLong, setTooLong] = useState(false);
  const update = useUpdateCompanyAliasMutation();
  const changed = alias.trim() !== saved;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = alias.trim();
    if ([...next].length > ALIAS_MAX) {
      setTooLong(true);
      return;
    }
    if (!changed) return;
    update.mutate(
      { companyId: company.id, alias: next || null },
      {
        onSuccess: (result) => {
          setAlias(result.alias ?? '');
          notifySuccess(
            result.alias
              ? t('profile.companies.saved', { alias: result.alias })
              : t('profile.companies.cleared', { company: result.fullName }),
          );
        },
      },
    );
  };

  const serverError = update.error;
  const aliasError = tooLong
    ? t('profile.companies.errors.tooLong', { max: ALIAS_MAX })
    : serverError?.fieldMessage('alias');
  const generalError = serverError && !serverError.hasFieldErrors(['alias']) ? serverError.message : null;

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={titleId} data-company-bin={company.bin}>
      <Stack gap="sm">
        <Title order={3} id={titleId} fz="md" style={{ overflowWrap: 'anywhere' }}>
          {company.fullName}
        </Title>
        <DataList withDivider labelWidth="45%">
          <DataList.Item>
            <DataList.ItemLabel>{t('profile.companies.bin')}</DataList.ItemLabel>
            <DataList.ItemValue fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {company.bin}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('profile.companies.fullName')}</DataList.ItemLabel>
            <DataList.ItemValue fw={500}>{company.fullName}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('profile.companies.numbers')}</DataList.ItemLabel>
            <DataList.ItemValue fw={500}>{company.numbersCount}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
          <Stack gap="xs">
            {generalError && (
              <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
                {generalError}
              </Alert>
            )}
            <TextInput
              name="alias"
              label={t('profile.companies.alias')}
              description={t('profile.companies.aliasHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder={t('profile.companies.aliasPlaceholder')}
              maxLength={ALIAS_MAX}
              value={alias}
              onChange={(event) => {
                setAlias(event.currentTarget.value);
                setTooLong(false);
                if (update.error) update.reset();
              }}
              error={aliasError}
            />
            <Group>
              <Button type="submit" loading={update.isPending} disabled={!changed}>
                {t('profile.companies.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
