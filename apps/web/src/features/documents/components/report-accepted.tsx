import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../../../components/ui/icons';
import { RequestProgress } from '../../requests/components/request-progress';

type ReportAcceptedProps = { companyId: string; requestId: string };

/**
 * "Your request to submit a report has been accepted.", with a link to the request in the requests centre, then the
 * request's progress until the report has been e-mailed (or has failed).
 */
export function ReportAccepted({ companyId, requestId }: ReportAcceptedProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="report-accepted" data-request-id={requestId}>
      <Alert
        color="green"
        variant="light"
        icon={<CheckIcon />}
        role="status"
        styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}
      >
        <Text size="sm">{t('documents.accepted.message')}</Text>
        <Anchor size="sm" underline="always" renderRoot={(props) => <Link {...props} to="/requests" />}>
          {t('documents.accepted.link')}
        </Anchor>
      </Alert>
      <RequestProgress companyId={companyId} requestId={requestId} />
    </Stack>
  );
}
