import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InfoIcon } from '../../../components/ui/icons';
import { endOfLastMonth, lastClosedMonth } from '../../../lib/calendar';
import { DocumentSection } from './document-section';
import { EmailedReportForm } from './emailed-report-form';

export const RECONCILIATION_SECTION_ID = 'reconciliation';

/**
 * F35 "Reconciliation statement": a period within the past 36 months and an e-mail. A month's statement is available
 * from the 1st of the next month, so the form starts with the last closed month.
 */
export function ReconciliationSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <DocumentSection
      id={RECONCILIATION_SECTION_ID}
      title={t('documents.reconciliation.title')}
      intro={t('documents.reconciliation.intro')}
    >
      <Alert color="blue" variant="light" icon={<InfoIcon />} mb="md">
        <Text size="sm">{t('documents.reconciliation.availability')}</Text>
        <Text size="sm" mt={4}>
          {t('documents.reconciliation.services')}
        </Text>
      </Alert>
      <EmailedReportForm
        companyId={companyId}
        type="reconciliation"
        period={{
          initial: lastClosedMonth,
          lookbackMonths: 36,
          latest: endOfLastMonth,
          rule: t('documents.reconciliation.rule'),
        }}
        submitLabel={t('documents.form.send')}
      />
    </DocumentSection>
  );
}
