import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DocumentSection } from './document-section';
import { EmailedReportForm } from './emailed-report-form';

export const NUMBERS_REPORT_SECTION_ID = 'numbers-report';

/** F32 "List of numbers report": the company's numbers as an XLSX e-mailed to the address given. */
export function NumbersReportSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <DocumentSection
      id={NUMBERS_REPORT_SECTION_ID}
      title={t('documents.numbersReport.title')}
      intro={t('documents.numbersReport.intro')}
    >
      <Text size="sm" mb="md">
        {t('documents.numbersReport.delivery')}
      </Text>
      <EmailedReportForm companyId={companyId} type="numbers" submitLabel={t('documents.form.request')} />
    </DocumentSection>
  );
}
