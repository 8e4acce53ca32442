import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { type MouseEvent, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollableTable } from '../../../components/ui/scrollable-table';
import { formatMoney, formatMsisdn } from '../../../lib/format';
import { currentLanguage, tk } from '../../../lib/i18n';
import type { Language } from '../../../lib/languages';
import type { NumberListItem } from '../api/numbers-list';
import { BILLING_METHOD_KEY, labelKey } from './labels';
import { NumberActionsMenu } from './number-actions';
import { StatusBadge } from './status-badge';

type NumbersTableProps = {
  companyId: string;
  caption: string;
  items: NumberListItem[];
  /** Initial load: skeleton rows instead of data. */
  loading?: boolean;
  /** New data on its way (filters changed): rows dimmed. */
  stale?: boolean;
};

/** The columns before the row menu, with fixed widths: they stay put when the skeleton gives way to the rows. */
const HEADINGS: readonly { key: string; width: string; right?: boolean }[] = [
  { key: tk('numbers.columns.number'), width: '16%' },
  { key: tk('numbers.columns.account'), width: '15%' },
  { key: tk('numbers.columns.tariff'), width: '21%' },
  { key: tk('numbers.columns.billingMethod'), width: '13%' },
  { key: tk('numbers.columns.status'), width: '15%' },
  { key: tk('numbers.columns.availableFunds'), width: '20%', right: true },
];
const SKELETON_ROWS = 6;
const COLUMNS = HEADINGS.length + 1;

/**
 * One row. Memoised, like the table: the page around them re-renders when its queries or the URL change (the
 * tariffs arriving, a fetch starting), and rendering 50 rows of Mantine components again each time was a long task of
 * ≈300 ms in Chromium (measured), with nothing in them changed. "Show more" renders the new rows only.
 */
const NumberRow = memo(function NumberRow({
  companyId,
  item,
  billingLabel,
  language,
}: {
  companyId: string;
  item: NumberListItem;
  billingLabel: string;
  language: Language;
}) {
  const navigate = useNavigate();
  return (
    <Table.Tr
      className="numbers-row"
      onClick={() => void navigate({ to: '/numbers/$msisdn', params: { msisdn: item.msisdn } })}
    >
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor
          renderRoot={(props) => <Link {...props} to="/numbers/$msisdn" params={{ msisdn: item.msisdn }} />}
          fw={600}
          onClick={(event: MouseEvent) => event.stopPropagation()}
        >
          {formatMsisdn(item.msisdn)}
        </Anchor>
      </Table.Td>
      <Table.Td>{item.accountNumber}</Table.Td>
      <Table.Td>{item.tariff.name}</Table.Td>
      <Table.Td>{billingLabel}</Table.Td>
      <Table.Td>
        <StatusBadge status={item.status} />
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(item.availableFunds, language)}
      </Table.Td>
      <Table.Td onClick={(event) => event.stopPropagation()}>
        <NumberActionsMenu variant="list" target={{ companyId, msisdn: item.msisdn, status: item.status }} />
      </Table.Td>
    </Table.Tr>
  );
});

/** F10: Number, personal account, tariff plan, billing method, status, available funds and the row menu. */
export const NumbersTable = memo(function NumbersTable({
  companyId,
  caption,
  items,
  loading,
  stale,
}: NumbersTableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();

  return (
    <ScrollableTable minWidth={860} label={caption}>
      <Table
        layout="fixed"
        highlightOnHover={!loading}
        verticalSpacing="sm"
        horizontalSpacing="md"
        aria-busy={loading || stale ? true : undefined}
        style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}
      >
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {HEADINGS.map(({ key, width, right }) => (
              <Table.Th key={key} scope="col" w={width} ta={right ? 'right' : undefined}>
                {t(key)}
              </Table.Th>
            ))}
            <Table.Th scope="col" w={56}>
              <VisuallyHidden>{t('numbers.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        {/* The placeholder is a few plain elements: one bar per row, one pulse for them all. Forty-two Mantine
            skeletons (each with its pseudo-elements) made their removal, when the rows arrive, the page's longest task
            in Lighthouse's run: ≈100 ms of removeChild on a desktop CPU, one layout invalidation traced per box. */}
        <Table.Tbody key={loading ? 'placeholder' : 'rows'} className={loading ? 'skeleton-pulse' : undefined}>
          {loading
            ? Array.from({ length: SKELETON_ROWS }, (_, row) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
                <tr key={row} data-testid="numbers-skeleton-row">
                  <td colSpan={COLUMNS} className="skeleton-cell">
                    <span className="skeleton-bar" />
                  </td>
                </tr>
              ))
            : items.map((item) => {
                const billingKey = labelKey(BILLING_METHOD_KEY, item.billingMethod);
                return (
                  <NumberRow
                    key={item.msisdn}
                    companyId={companyId}
                    item={item}
                    billingLabel={billingKey ? t(billingKey) : item.billingMethod}
                    language={language}
                  />
                );
              })}
        </Table.Tbody>
      </Table>
    </ScrollableTable>
  );
});
