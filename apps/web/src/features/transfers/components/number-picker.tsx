import { Group, Loader, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Ref } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMsisdn } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { type PickerNumber, transferNumbersQueryOptions } from '../api/transfer-numbers';

const SEARCH_DEBOUNCE_MS = 250;

type NumberPickerProps = {
  companyId: string;
  label: string;
  value: PickerNumber | null;
  onChange: (value: PickerNumber | null) => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
};

/** Characters a phone number may be typed with; anything else can't match a number. */
const PHONE_TEXT = /^[\d\s+()-]*$/;

/**
 * F40: one of the company's active numbers, searched on the server as the user types (digits of the number), each
 * option with its available funds; the chosen number's funds are shown under the field.
 */
export function NumberPicker({ companyId, label, value, onChange, error, inputRef }: NumberPickerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const selectedLabel = value ? formatMsisdn(value.msisdn) : '';
  const [search, setSearch] = useState(selectedLabel);
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  // Once a number is chosen the box shows it: that text is not a search.
  const typed = debounced === selectedLabel ? '' : debounced;
  const searchable = PHONE_TEXT.test(typed);
  const numbers = useQuery({
    ...transferNumbersQueryOptions(companyId, typed.replace(/\D/g, '')),
    enabled: searchable,
    placeholderData: keepPreviousData,
  });

  const found = searchable ? (numbers.data?.items ?? []) : [];
  const byMsisdn = new Map(found.map((item) => [item.msisdn, item]));
  // The chosen number stays an option (with its label) whatever the search finds.
  if (value && !byMsisdn.has(value.msisdn)) byMsisdn.set(value.msisdn, value);
  const data = [...byMsisdn.values()].map((item) => ({ value: item.msisdn, label: formatMsisdn(item.msisdn) }));
  const loading = searchable && numbers.isFetching;

  return (
    <Select
      ref={inputRef}
      label={label}
      placeholder={t('transfer.form.numberPlaceholder')}
      searchable
      // Focus alone (e.g. moved here to show an error) leaves the list closed; typing, a click or ↓ opens it.
      openOnFocus={false}
      required
      data={data}
      value={value?.msisdn ?? null}
      onChange={(msisdn) => onChange(msisdn ? (byMsisdn.get(msisdn) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered by what was typed.
      filter={({ options }) => options}
      allowDeselect={false}
      nothingFoundMessage={
        loading
          ? t('common.loading')
          : numbers.isError && searchable
            ? numbers.error.message
            : t('transfer.form.nothingFound')
      }
      renderOption={({ option }) => {
        const item = byMsisdn.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" gap="md" w="100%">
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {option.label}
            </Text>
            {item && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(item.availableFunds, language)}
              </Text>
            )}
          </Group>
        );
      }}
      description={
        value
          ? t('transfer.form.availableFunds', { amount: formatMoney(value.availableFunds, language) })
          : t('transfer.form.numberHint')
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error}
      rightSection={loading ? <Loader size={16} aria-hidden="true" /> : undefined}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      inputMode="tel"
      autoComplete="off"
    />
  );
}
