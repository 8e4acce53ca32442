import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { tk } from '../../../lib/i18n';
import type { NumberStatus } from '../api/numbers-list';

const STATUS_COLOR: Record<NumberStatus, MantineColor> = {
  active: 'green',
  blocked: 'orange',
  blocked_debt: 'red',
  suspended: 'yellow',
  terminated: 'gray',
};

export const STATUS_LABEL_KEY = {
  active: tk('numbers.status.active'),
  blocked: tk('numbers.status.blocked'),
  blocked_debt: tk('numbers.status.blocked_debt'),
  suspended: tk('numbers.status.suspended'),
  terminated: tk('numbers.status.terminated'),
} as const satisfies Record<NumberStatus, string>;

/** Status as a dot badge: the text stays dark (AA contrast), the dot carries the colour. */
export function StatusBadge({ status, size = 'md' }: { status: NumberStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={STATUS_COLOR[status] ?? 'gray'} tt="none" size={size} fw={600} c="dark.7">
      {t(STATUS_LABEL_KEY[status] ?? status)}
    </Badge>
  );
}
