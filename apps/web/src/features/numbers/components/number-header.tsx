import { Alert, Button, Group, Loader, Text, Title } from '@mantine/core';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, BlockIcon, RefreshIcon, UnlockIcon } from '../../../components/ui/icons';
import { formatDateTime, formatMsisdn } from '../../../lib/format';
import { tk } from '../../../lib/i18n';
import type { NumberDetails } from '../api/number-details';
import type { StatusAction } from '../api/number-status';
import type { NumberStatus } from '../api/numbers-list';
import { numberKey } from '../api/query-keys';
import { NumberActionsMenu, statusActionFor } from './number-actions';
import { StatusBadge } from './status-badge';
import { StatusChangeDialog } from './status-change-dialog';

/** Why a number in this status has neither Block nor Unblock. */
const NO_STATUS_ACTION_KEY: Partial<Record<NumberStatus, string>> = {
  blocked_debt: tk('numberStatus.blockedDebtNote'),
  suspended: tk('numberStatus.suspendedNote'),
  terminated: tk('numberStatus.terminatedNote'),
};

type NumberHeaderProps = {
  companyId: string;
  msisdn: string;
  /** Undefined while loading. */
  details?: NumberDetails;
};

/** F11: the number, its status with the date, Block or Unblock, Refresh and the action menu. */
export function NumberHeader({ companyId, msisdn, details }: NumberHeaderProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<StatusAction | null>(null);
  const key = numberKey(companyId, msisdn);
  const refreshing = useIsFetching({ queryKey: key }) > 0;
  const statusAction = details ? statusActionFor(details.status) : null;
  const noActionKey = details ? NO_STATUS_ACTION_KEY[details.status] : undefined;

  return (
    <>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1}>{formatMsisdn(msisdn)}</Title>
          {details && (
            <Group gap="xs" mt={6} wrap="wrap">
              <StatusBadge status={details.status} size="lg" />
              <Text size="sm" c="dimmed">
                {t('numberProfile.statusSince', { date: formatDateTime(details.statusChangedAt) })}
              </Text>
            </Group>
          )}
        </div>
        <Group gap="xs" wrap="wrap">
          {/* One button that turns from Block into Unblock, so the focus stays on it after the change. */}
          {statusAction && (
            <Button
              color={statusAction === 'block' ? 'red.9' : undefined}
              variant={statusAction === 'block' ? 'outline' : 'filled'}
              leftSection={statusAction === 'block' ? <BlockIcon size={16} /> : <UnlockIcon size={16} />}
              onClick={() => setConfirming(statusAction)}
            >
              {statusAction === 'block' ? t('numberStatus.block') : t('numberStatus.unblock')}
            </Button>
          )}
          <Button
            variant="default"
            // A spinner instead of `loading`, which would disable the button and drop the keyboard focus.
            leftSection={refreshing ? <Loader size={14} /> : <RefreshIcon size={16} />}
            aria-busy={refreshing || undefined}
            // Everything shown about the number: details, SIM, contracts, allowances, services, forwardings.
            onClick={() => void queryClient.invalidateQueries({ queryKey: key })}
            disabled={!details}
          >
            {t('numberProfile.refresh')}
          </Button>
          {details && <NumberActionsMenu variant="profile" target={{ companyId, msisdn, status: details.status }} />}
        </Group>
      </Group>
      {noActionKey && (
        <Alert color={details?.status === 'blocked_debt' ? 'red' : 'gray'} variant="light" icon={<AlertIcon />}>
          {t(noActionKey)}
        </Alert>
      )}
      <StatusChangeDialog
        companyId={companyId}
        msisdn={msisdn}
        action={confirming}
        onClose={() => setConfirming(null)}
      />
    </>
  );
}
