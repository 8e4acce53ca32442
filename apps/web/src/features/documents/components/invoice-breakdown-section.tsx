import { Button, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { addMonths, almatyToday } from '@portal/calendar';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n';
import { type BreakdownFormat, useDownloadInvoiceBreakdownMutation } from '../api/invoice-breakdown';
import { DocumentSection } from './document-section';
import { FileSaved } from './file-saved';
import { FormError } from './form-error';

export const INVOICE_BREAKDOWN_SECTION_ID = 'invoice-breakdown';

/** How many years back the year list reaches. */
const YEARS_BACK = 5;

type Field = 'account' | 'month';
const FIELDS: readonly Field[] = ['account', 'month'];

/** The month names of the interface language, January first, capitalised as a list item. */
function monthNames(language: string): string[] {
  const formatter = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => {
    const name = formatter.format(new Date(Date.UTC(2000, index, 1)));
    return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  });
}

/**
 * F39 "Invoice breakdown": year and month, personal account and file format (PDF or XLSX) → the breakdown of that
 * account's invoice for the month, downloaded.
 */
export function InvoiceBreakdownSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const lastMonth = addMonths(almatyToday(), -1);
  const [year, setYear] = useState(lastMonth.slice(0, 4));
  const [month, setMonth] = useState(lastMonth.slice(5, 7));
  const [account, setAccount] = useState('');
  const [format, setFormat] = useState<BreakdownFormat>('pdf');
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const accountInput = useRef<HTMLInputElement>(null);
  const monthInput = useRef<HTMLSelectElement>(null);
  const download = useDownloadInvoiceBreakdownMutation(companyId);

  const currentYear = Number(almatyToday().slice(0, 4));
  const years = useMemo(
    () => Array.from({ length: YEARS_BACK + 1 }, (_, index) => String(currentYear - index)),
    [currentYear],
  );
  const months = useMemo(
    () => monthNames(language).map((label, index) => ({ value: String(index + 1).padStart(2, '0'), label })),
    [language],
  );

  const serverError = download.error;
  const fieldError = (field: Field) => localErrors[field] ?? serverError?.fieldMessage(field);
  const generalError = serverError && !serverError.hasFieldErrors(FIELDS) ? serverError.message : null;

  const edited = (field?: Field) => {
    if (field && localErrors[field]) setLocalErrors((previous) => ({ ...previous, [field]: undefined }));
    if (download.error) download.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = account.replace(/\s/g, '');
    const errors: Partial<Record<Field, string>> = {};
    if (!value) errors.account = t('documents.errors.accountRequired');
    else if (!/^\d{1,20}$/.test(value)) errors.account = t('documents.errors.accountInvalid');
    setLocalErrors(errors);
    if (errors.account) {
      download.reset();
      accountInput.current?.focus();
      return;
    }
    download.mutate(
      { account: value, month: `${year}-${month}`, format },
      {
        onError: (error) => {
          if (error.fieldMessage('account')) accountInput.current?.focus();
          else if (error.fieldMessage('month')) monthInput.current?.focus();
        },
      },
    );
  };

  return (
    <DocumentSection
      id={INVOICE_BREAKDOWN_SECTION_ID}
      title={t('documents.breakdown.title')}
      intro={t('documents.breakdown.intro')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" verticalSpacing="sm">
            <NativeSelect
              label={t('documents.breakdown.year')}
              data={years}
              value={year}
              onChange={(event) => {
                setYear(event.currentTarget.value);
                edited('month');
              }}
            />
            <NativeSelect
              ref={monthInput}
              label={t('documents.breakdown.month')}
              data={months}
              value={month}
              onChange={(event) => {
                setMonth(event.currentTarget.value);
                edited('month');
              }}
              error={fieldError('month')}
            />
            <TextInput
              ref={accountInput}
              label={t('documents.breakdown.account')}
              placeholder="10021376"
              inputMode="numeric"
              autoComplete="off"
              maxLength={24}
              required
              value={account}
              onChange={(event) => {
                setAccount(event.currentTarget.value);
                edited('account');
              }}
              error={fieldError('account')}
            />
          </SimpleGrid>
          <Radio.Group
            label={t('documents.breakdown.format')}
            value={format}
            onChange={(next) => {
              setFormat(next as BreakdownFormat);
              edited();
            }}
          >
            <Group gap="lg" mt={6}>
              <Radio value="pdf" label={t('documents.breakdown.pdf')} />
              <Radio value="xlsx" label={t('documents.breakdown.xlsx')} />
            </Group>
          </Radio.Group>
          {generalError && <FormError message={generalError} />}
          <Group>
            <Button type="submit" loading={download.isPending} w={{ base: '100%', xs: 'auto' }}>
              {t('documents.form.request')}
            </Button>
          </Group>
          {download.data && <FileSaved file={download.data} />}
        </Stack>
      </form>
    </DocumentSection>
  );
}
