import { Alert, Button, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { InfoIcon } from '../../../components/ui/icons';
import { LinkifiedText } from '../../../components/ui/linkified-text';
import { ScrollableTable } from '../../../components/ui/scrollable-table';
import { formatDate, formatMoney } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useUnallocatedPayments } from '../api/unallocated-payments';
import { DocumentSection } from './document-section';

export const UNALLOCATED_PAYMENTS_SECTION_ID = 'unallocated-payments';

/**
 * F38 "Unallocated payments": the company's payments that named no personal account, as in the manual (payment date,
 * payment order number, amount) under the instruction to send an allocation register; or "You have no unallocated
 * payments.". Both texts come from the server in the interface language.
 */
export function UnallocatedPaymentsSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const payments = useUnallocatedPayments(companyId);
  const items = payments.data?.pages.flatMap((page) => page.items) ?? [];
  const first = payments.data?.pages[0];

  let body: ReactNode;
  if (payments.isPending) {
    body = (
      <Stack gap="sm" aria-busy="true">
        <Text size="sm" c="dimmed" role="status">
          {t('common.loading')}
        </Text>
        <Skeleton height={48} />
        <Skeleton height={14} width="60%" />
        <Skeleton height={14} width="60%" />
      </Stack>
    );
  } else if (payments.isError && !first) {
    body = (
      <ErrorState
        message={payments.error.message}
        onRetry={() => void payments.refetch()}
        retrying={payments.isFetching}
      />
    );
  } else if (!first || items.length === 0) {
    body = (
      <Text size="sm" data-testid="unallocated-none">
        {first?.message ?? t('documents.unallocated.none')}
      </Text>
    );
  } else {
    body = (
      <Stack gap="md">
        <Alert color="blue" variant="light" icon={<InfoIcon />}>
          <Text size="sm">
            <LinkifiedText text={first.instruction} />
          </Text>
        </Alert>
        <ScrollableTable minWidth={300} label={t('documents.unallocated.title')}>
          <Table verticalSpacing="sm" horizontalSpacing="xs" striped>
            <VisuallyHidden component="caption">{t('documents.unallocated.title')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('documents.unallocated.columns.date')}</Table.Th>
                <Table.Th scope="col">{t('documents.unallocated.columns.orderNumber')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('documents.unallocated.columns.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((payment) => (
                <Table.Tr key={payment.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(payment.paidOn)}</Table.Td>
                  <Table.Td>{payment.orderNumber}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(payment.amount, language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
        {payments.isFetchNextPageError && (
          <ErrorState
            message={payments.error?.message ?? t('errors.unexpected')}
            onRetry={() => void payments.fetchNextPage()}
            retrying={payments.isFetchingNextPage}
          />
        )}
        {payments.hasNextPage && (
          <Group>
            <Button variant="light" onClick={() => void payments.fetchNextPage()} loading={payments.isFetchingNextPage}>
              {t('documents.unallocated.showMore')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <DocumentSection id={UNALLOCATED_PAYMENTS_SECTION_ID} title={t('documents.unallocated.title')}>
      {body}
    </DocumentSection>
  );
}
