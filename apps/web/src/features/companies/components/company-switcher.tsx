import { Group, Select, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { companyDisplayName } from '../api/companies';
import { useSelectedCompany } from './selected-company';

/** The "Select company" drop-down of the header; every view is scoped to the chosen company. */
export function CompanySwitcher() {
  const { t } = useTranslation();
  const { company, companies, selectCompany } = useSelectedCompany();
  const id = useId();
  if (!company) return null;
  return (
    <Group gap="xs" wrap="nowrap" w={{ base: '100%', sm: 'auto' }}>
      <Text component="label" htmlFor={id} size="sm" fw={500}>
        {t('layout.company')}
      </Text>
      <Select
        id={id}
        data={companies.map((item) => ({ value: String(item.id), label: companyDisplayName(item) }))}
        value={String(company.id)}
        onChange={(value) => {
          if (value && value !== String(company.id)) selectCompany(value);
        }}
        allowDeselect={false}
        searchable={companies.length > 7}
        checkIconPosition="right"
        w={{ base: '100%', sm: 300 }}
        style={{ flex: 1 }}
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}
