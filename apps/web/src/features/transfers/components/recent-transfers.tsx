import { Box, Button, Group, Paper, Skeleton, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { ScrollableTable } from '../../../components/ui/scrollable-table';
import { formatDateTime, formatMoney, formatMsisdn } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { unbreakable } from '../../../lib/text';
import { useTransfers } from '../api/balance-transfers';

const SKELETON_ROWS = 3;
const COLUMNS = 4;

/** F40: the company's latest transfers under the form, newest first, "Show more" for older ones. */
export function RecentTransfers({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = useId();
  const transfers = useTransfers(companyId);
  const items = transfers.data?.pages.flatMap((page) => page.items) ?? [];
  const loading = transfers.isPending;

  let body: ReactNode;
  if (transfers.isError && !transfers.data) {
    body = (
      <ErrorState
        message={transfers.error.message}
        onRetry={() => void transfers.refetch()}
        retrying={transfers.isFetching}
      />
    );
  } else if (!loading && items.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        {t('transfer.history.empty')}
      </Text>
    );
  } else {
    body = (
      <>
        <Box visibleFrom="sm">
          <ScrollableTable minWidth={560} label={t('transfer.history.title')}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-busy={loading || undefined}>
              <VisuallyHidden component="caption">{t('transfer.history.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('transfer.history.columns.date')}</Table.Th>
                  <Table.Th scope="col">{t('transfer.history.columns.from')}</Table.Th>
                  <Table.Th scope="col">{t('transfer.history.columns.to')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('transfer.history.columns.amount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loading
                  ? Array.from({ length: SKELETON_ROWS }, (_, row) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
                      <Table.Tr key={row}>
                        {Array.from({ length: COLUMNS }, (_, cell) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cells have no identity
                          <Table.Td key={cell}>
                            <Skeleton height={14} width="70%" />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))
                  : items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.createdAt)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMsisdn(item.from)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMsisdn(item.to)}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                          {formatMoney(item.amount, language)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        </Box>
        {/* Phones: a list instead of a table that would scroll sideways. */}
        <Box component="ul" hiddenFrom="sm" className="plain-list" aria-label={t('transfer.history.title')}>
          {loading
            ? Array.from({ length: SKELETON_ROWS }, (_, row) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
                <li key={row}>
                  <Skeleton height={14} width="50%" mb={8} />
                  <Skeleton height={14} width="90%" />
                </li>
              ))
            : items.map((item) => (
                <li key={item.id}>
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Text size="sm" c="dimmed">
                      {formatDateTime(item.createdAt)}
                    </Text>
                    <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {formatMoney(item.amount, language)}
                    </Text>
                  </Group>
                  <Text size="sm" mt={4}>
                    {t('transfer.history.fromTo', {
                      from: unbreakable(formatMsisdn(item.from)),
                      to: unbreakable(formatMsisdn(item.to)),
                    })}
                  </Text>
                </li>
              ))}
        </Box>
        {transfers.isFetchNextPageError && (
          <ErrorState
            message={transfers.error?.message ?? t('errors.unexpected')}
            onRetry={() => void transfers.fetchNextPage()}
            retrying={transfers.isFetchingNextPage}
          />
        )}
        {transfers.hasNextPage && (
          <Group mt="sm">
            <Button
              variant="light"
              onClick={() => void transfers.fetchNextPage()}
              loading={transfers.isFetchingNextPage}
            >
              {t('transfer.history.showMore')}
            </Button>
          </Group>
        )}
      </>
    );
  }

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} miw={0}>
      <Title order={2} id={titleId} fz="lg" mb="md">
        {t('transfer.history.title')}
      </Title>
      {body}
    </Paper>
  );
}
