import { useTranslation } from 'react-i18next';
import { lastMonthPeriod } from '../../../lib/calendar';
import { DocumentSection } from './document-section';
import { EmailedReportForm } from './emailed-report-form';

export const INVOICE_REGISTER_SECTION_ID = 'invoice-register';

/** F34 "Invoice register": a period within the past 3 years and an e-mail; the register is e-mailed. */
export function InvoiceRegisterSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <DocumentSection
      id={INVOICE_REGISTER_SECTION_ID}
      title={t('documents.invoiceRegister.title')}
      intro={t('documents.invoiceRegister.intro')}
    >
      <EmailedReportForm
        companyId={companyId}
        type="invoice-register"
        period={{ initial: lastMonthPeriod, lookbackMonths: 36, rule: t('documents.invoiceRegister.rule') }}
        submitLabel={t('documents.form.request')}
      />
    </DocumentSection>
  );
}
