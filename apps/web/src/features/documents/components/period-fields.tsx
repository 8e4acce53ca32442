import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { Period } from '@portal/calendar';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';

type PeriodFieldsProps = {
  value: Period;
  onChange: (field: keyof Period, value: string) => void;
  errors: { from?: string; to?: string };
  /** Bounds offered by the date pickers (the server checks the period anyway and names the field at fault). */
  min?: string;
  max?: string;
  /** The report's rule about the period, e.g. "The maximum available period for download is the past 3 years." */
  rule?: string;
  fromRef?: RefObject<HTMLInputElement | null>;
  toRef?: RefObject<HTMLInputElement | null>;
};

/** "Select beginning and end of period": two labelled date fields, each with its own error. */
export function PeriodFields({ value, onChange, errors, min, max, rule, fromRef, toRef }: PeriodFieldsProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('documents.form.period')} variant="unstyled" miw={0}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          ref={fromRef}
          type="date"
          label={t('documents.form.from')}
          value={value.from}
          min={min}
          max={max}
          required
          onChange={(event) => onChange('from', event.currentTarget.value)}
          error={errors.from}
        />
        <TextInput
          ref={toRef}
          type="date"
          label={t('documents.form.to')}
          value={value.to}
          min={min}
          max={max}
          required
          onChange={(event) => onChange('to', event.currentTarget.value)}
          error={errors.to}
        />
      </SimpleGrid>
      {rule && (
        <Text size="sm" c="dimmed" mt="xs">
          {rule}
        </Text>
      )}
    </Fieldset>
  );
}
