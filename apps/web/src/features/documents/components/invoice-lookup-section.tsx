import { Button, Group, Radio, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollableTable } from '../../../components/ui/scrollable-table';
import { formatMoney, formatMsisdn } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import {
  type InvoiceKey,
  type InvoiceLookup,
  type InvoiceLookupOutput,
  useInvoiceLookupMutation,
} from '../api/invoice-lookup';
import { DocumentSection } from './document-section';
import { FileSaved } from './file-saved';
import { FormError } from './form-error';

export const INVOICE_LOOKUP_SECTION_ID = 'invoice-lookup';

/** An invoice number is 13 digits (the server checks it too). */
export function isInvoiceNumber(value: string): boolean {
  return /^\d{13}$/.test(value);
}

/**
 * F30 "Search for mobile number by invoice number": by invoice number or e-invoice registration number, the mobile
 * numbers on the invoice on screen or as an XLS file.
 */
export function InvoiceLookupSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<InvoiceKey['by']>('invoiceNumber');
  const [value, setValue] = useState('');
  const [output, setOutput] = useState<InvoiceLookupOutput>('screen');
  const [localError, setLocalError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const lookup = useInvoiceLookupMutation(companyId);

  const serverError = lookup.error;
  // "No invoice of your company has this number." is about the number typed: it goes under the field too.
  const serverFieldError =
    serverError?.fieldMessage(by) ?? (serverError?.code === 'invoice_not_found' ? serverError.message : undefined);
  const generalError = serverError && !serverFieldError ? serverError.message : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const key = value.replace(/\s/g, '');
    let error: string | null = null;
    if (!key) {
      error =
        by === 'invoiceNumber' ? t('documents.errors.invoiceRequired') : t('documents.errors.registrationRequired');
    } else if (by === 'invoiceNumber' && !isInvoiceNumber(key)) error = t('documents.errors.invoiceInvalid');
    setLocalError(error);
    if (error) {
      lookup.reset();
      input.current?.focus();
      return;
    }
    lookup.mutate(
      { by, value: key, output },
      { onError: (failure) => failure.status !== 0 && failure.status < 500 && input.current?.focus() },
    );
  };

  const edited = () => {
    setLocalError(null);
    if (lookup.error) lookup.reset();
  };

  return (
    <DocumentSection
      id={INVOICE_LOOKUP_SECTION_ID}
      title={t('documents.invoiceLookup.title')}
      intro={t('documents.invoiceLookup.intro')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Radio.Group
            label={t('documents.invoiceLookup.searchBy')}
            value={by}
            onChange={(next) => {
              setBy(next as InvoiceKey['by']);
              edited();
            }}
          >
            <Group gap="lg" mt={6}>
              <Radio value="invoiceNumber" label={t('documents.invoiceLookup.byInvoice')} />
              <Radio value="registrationNumber" label={t('documents.invoiceLookup.byRegistration')} />
            </Group>
          </Radio.Group>
          <TextInput
            ref={input}
            label={
              by === 'invoiceNumber'
                ? t('documents.invoiceLookup.invoiceNumber')
                : t('documents.invoiceLookup.registrationNumber')
            }
            placeholder={t('documents.invoiceLookup.placeholder')}
            description={by === 'invoiceNumber' ? t('documents.invoiceLookup.invoiceHint') : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            inputMode={by === 'invoiceNumber' ? 'numeric' : 'text'}
            autoComplete="off"
            maxLength={by === 'invoiceNumber' ? 20 : 64}
            required
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              edited();
            }}
            error={localError ?? serverFieldError}
          />
          <Radio.Group
            label={t('documents.invoiceLookup.output')}
            value={output}
            onChange={(next) => {
              setOutput(next as InvoiceLookupOutput);
              if (lookup.error) lookup.reset();
            }}
          >
            <Group gap="lg" mt={6}>
              <Radio value="screen" label={t('documents.invoiceLookup.onScreen')} />
              <Radio value="xlsx" label={t('documents.invoiceLookup.xlsFile')} />
            </Group>
          </Radio.Group>
          {generalError && <FormError message={generalError} />}
          <Group>
            <Button type="submit" loading={lookup.isPending} w={{ base: '100%', xs: 'auto' }}>
              {t('documents.form.request')}
            </Button>
          </Group>
          {lookup.data?.output === 'screen' && <LookupResult result={lookup.data.result} />}
          {lookup.data?.output === 'xlsx' && <FileSaved file={lookup.data.file} />}
        </Stack>
      </form>
    </DocumentSection>
  );
}

function LookupResult({ result }: { result: InvoiceLookup }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { invoice, items } = result;
  const caption = t('documents.invoiceLookup.resultCaption', { invoice: invoice.invoiceNumber });
  return (
    <Stack gap="sm" data-testid="invoice-lookup-result">
      <Text size="sm" role="status">
        {t('documents.invoiceLookup.summary', {
          invoice: invoice.invoiceNumber,
          account: invoice.accountNumber,
          period: `${invoice.period.slice(5, 7)}.${invoice.period.slice(0, 4)}`,
          total: formatMoney(invoice.total, language),
        })}
      </Text>
      <Text size="sm">{t('documents.invoiceLookup.numbersFound', { found: items.length })}</Text>
      {invoice.registrationNumber && (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('documents.invoiceLookup.registration', { number: invoice.registrationNumber })}
        </Text>
      )}
      <ScrollableTable minWidth={300} label={caption}>
        <Table verticalSpacing="xs" horizontalSpacing="xs" striped>
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('documents.invoiceLookup.columns.phone')}</Table.Th>
              <Table.Th scope="col">{t('documents.invoiceLookup.columns.invoice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.msisdn}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMsisdn(item.msisdn)}</Table.Td>
                <Table.Td>{item.invoiceNumber}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollableTable>
    </Stack>
  );
}
