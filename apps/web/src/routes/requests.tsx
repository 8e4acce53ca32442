import { Anchor, Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ui/error-state';
import { HowToLink } from '../components/ui/how-to-link';
import { DocumentIcon } from '../components/ui/icons';
import { SectionEmptyState } from '../components/ui/section-empty-state';
import { companyDisplayName } from '../features/companies/api/companies';
import { useSelectedCompany } from '../features/companies/components/selected-company';
import { type PortalRequest, useLiveRequests } from '../features/requests/api/requests';
import { RequestStatusBadge, requestKindKey } from '../features/requests/components/request-status-badge';
import { formatDateTime, formatMsisdn } from '../lib/format';

/** B4: the company's requests (SIM and eSIM replacements, device registrations…), updated live. */
export function RequestsPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();

  if (!company) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('requests.title')}</Title>
        <SectionEmptyState
          title={t('numbers.noCompanies.title')}
          description={t('numbers.noCompanies.description')}
          icon={<DocumentIcon size={28} />}
        />
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Title order={1}>{t('requests.title')}</Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('requests.subtitle', { company: companyDisplayName(company) })}
          </Text>
        </div>
        <HowToLink label={t('howTo.requests')} help={t('howTo.requestsHelp')} />
      </Group>
      <RequestsList key={company.id} companyId={String(company.id)} />
    </Stack>
  );
}

function RequestsList({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const requests = useLiveRequests(companyId);

  if (requests.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <Text size="sm" c="dimmed" role="status">
          {t('common.loading')}
        </Text>
        <Skeleton height={48} />
        <Skeleton height={48} />
        <Skeleton height={48} />
      </Stack>
    );
  }
  if (requests.isError) {
    return (
      <ErrorState
        message={requests.error.message}
        onRetry={() => void requests.refetch()}
        retrying={requests.isFetching}
      />
    );
  }
  const items = requests.data.items;
  if (items.length === 0) {
    return (
      <SectionEmptyState
        title={t('requests.empty.title')}
        description={t('requests.empty.description')}
        icon={<DocumentIcon size={28} />}
      />
    );
  }
  return (
    <>
      {/* Wide screens: a table; narrow ones: a card per request. */}
      <Card withBorder radius="md" p={0} visibleFrom="md">
        <Table striped verticalSpacing="sm" aria-label={t('requests.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requests.columns.kind')}</Table.Th>
              <Table.Th>{t('requests.columns.number')}</Table.Th>
              <Table.Th>{t('requests.columns.status')}</Table.Th>
              <Table.Th>{t('requests.columns.created')}</Table.Th>
              <Table.Th>{t('requests.columns.completed')}</Table.Th>
              <Table.Th>{t('requests.columns.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((request) => (
              <Table.Tr key={request.id}>
                <Table.Td>
                  <KindLabel kind={request.kind} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <NumberLink msisdn={request.msisdn} />
                </Table.Td>
                <Table.Td>
                  <RequestStatusBadge status={request.status} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(request.createdAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {request.completedAt ? formatDateTime(request.completedAt) : '—'}
                </Table.Td>
                <Table.Td>
                  <Outcome request={request} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Stack gap="sm" hiddenFrom="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((request) => (
          <Card key={request.id} withBorder radius="md" component="li">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fw={600}>
                <KindLabel kind={request.kind} />
              </Text>
              <RequestStatusBadge status={request.status} />
            </Group>
            <Text size="sm" mt={4}>
              <NumberLink msisdn={request.msisdn} />
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              {t('requests.columns.created')}: {formatDateTime(request.createdAt)}
              {request.completedAt && (
                <>
                  {' · '}
                  {t('requests.columns.completed')}: {formatDateTime(request.completedAt)}
                </>
              )}
            </Text>
            <Outcome request={request} />
          </Card>
        ))}
      </Stack>
    </>
  );
}

function KindLabel({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const key = requestKindKey(kind);
  return <>{key ? t(key) : kind}</>;
}

function NumberLink({ msisdn }: { msisdn: string | null | undefined }) {
  if (!msisdn) return <>—</>;
  return (
    <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/numbers/$msisdn" params={{ msisdn }} />}>
      {formatMsisdn(msisdn)}
    </Anchor>
  );
}

function Outcome({ request }: { request: PortalRequest }) {
  const text = request.status === 'failed' ? (request.error?.message ?? request.message) : request.message;
  if (!text) return null;
  return (
    <Text size="sm" c={request.status === 'failed' ? 'red.9' : undefined} mt={4}>
      {text}
    </Text>
  );
}
