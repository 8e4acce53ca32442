import { useTranslation } from 'react-i18next';
import { lastMonthPeriod } from '../../../lib/calendar';
import { DocumentSection } from './document-section';
import { EmailedReportForm } from './emailed-report-form';

export const PAYMENTS_REPORT_SECTION_ID = 'payments-report';

/** F37 "Payments report": a period within the past 6 months and an e-mail; the report is e-mailed. */
export function PaymentsReportSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <DocumentSection
      id={PAYMENTS_REPORT_SECTION_ID}
      title={t('documents.paymentsReport.title')}
      intro={t('documents.paymentsReport.intro')}
    >
      <EmailedReportForm
        companyId={companyId}
        type="payments"
        period={{ initial: lastMonthPeriod, lookbackMonths: 6, rule: t('documents.paymentsReport.rule') }}
        submitLabel={t('documents.form.send')}
      />
    </DocumentSection>
  );
}
