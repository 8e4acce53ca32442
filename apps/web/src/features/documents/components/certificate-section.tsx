import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDownloadCertificateMutation } from '../api/certificate';
import { DocumentSection } from './document-section';
import { FileSaved } from './file-saved';
import { FormError } from './form-error';
import { isInvoiceNumber } from './invoice-lookup-section';

export const CERTIFICATE_SECTION_ID = 'certificate';

/**
 * F33 "Service delivery certificate and invoice breakdown": by invoice number, the certificate of completed works as a
 * PDF, made and downloaded at once.
 */
export function CertificateSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const [invoice, setInvoice] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const download = useDownloadCertificateMutation(companyId);

  const serverError = download.error;
  const serverFieldError =
    serverError?.fieldMessage('invoiceNumber') ??
    (serverError?.code === 'invoice_not_found' ? serverError.message : undefined);
  const generalError = serverError && !serverFieldError ? serverError.message : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = invoice.replace(/\s/g, '');
    let error: string | null = null;
    if (!value) error = t('documents.errors.invoiceRequired');
    else if (!isInvoiceNumber(value)) error = t('documents.errors.invoiceInvalid');
    setLocalError(error);
    if (error) {
      download.reset();
      input.current?.focus();
      return;
    }
    download.mutate(value, {
      onError: (failure) => {
        if (failure.status === 400 || failure.status === 404) input.current?.focus();
      },
    });
  };

  return (
    <DocumentSection
      id={CERTIFICATE_SECTION_ID}
      title={t('documents.certificate.title')}
      intro={t('documents.certificate.intro')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            ref={input}
            label={t('documents.certificate.invoice')}
            description={t('documents.invoiceLookup.invoiceHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder={t('documents.invoiceLookup.placeholder')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            required
            value={invoice}
            onChange={(event) => {
              setInvoice(event.currentTarget.value);
              setLocalError(null);
              if (download.error) download.reset();
            }}
            error={localError ?? serverFieldError}
          />
          {generalError && <FormError message={generalError} />}
          <Group>
            <Button type="submit" loading={download.isPending} w={{ base: '100%', xs: 'auto' }}>
              {t('documents.form.download')}
            </Button>
          </Group>
          {download.data && <FileSaved file={download.data} />}
        </Stack>
      </form>
    </DocumentSection>
  );
}
