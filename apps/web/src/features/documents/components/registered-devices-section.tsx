import { useTranslation } from 'react-i18next';
import { DocumentSection } from './document-section';
import { EmailedReportForm } from './emailed-report-form';

export const REGISTERED_DEVICES_SECTION_ID = 'registered-devices';

/** F36 "Registered devices report": an e-mail; the report is e-mailed. */
export function RegisteredDevicesSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <DocumentSection
      id={REGISTERED_DEVICES_SECTION_ID}
      title={t('documents.registeredDevices.title')}
      intro={t('documents.registeredDevices.intro')}
    >
      <EmailedReportForm companyId={companyId} type="registered-devices" submitLabel={t('documents.form.request')} />
    </DocumentSection>
  );
}
