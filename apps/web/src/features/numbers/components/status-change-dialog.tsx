import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../components/ui/icons';
import { formatMsisdn } from '../../../lib/format';
import { type StatusAction, useChangeNumberStatusMutation } from '../api/number-status';

type StatusChangeDialogProps = {
  companyId: string;
  msisdn: string;
  /** The action to confirm; null keeps the dialog closed. */
  action: StatusAction | null;
  onClose: () => void;
};

/** F20: "confirm the action" before a block or an unblock; then the server's "Status has been successfully changed". */
export function StatusChangeDialog({ companyId, msisdn, action, onClose }: StatusChangeDialogProps) {
  const { t } = useTranslation();
  const change = useChangeNumberStatusMutation(companyId, msisdn);
  const number = formatMsisdn(msisdn);
  const block = action === 'block';

  const close = () => {
    if (change.isPending) return;
    change.reset();
    onClose();
  };
  const confirm = () => {
    if (!action) return;
    change.mutate(action, {
      onSuccess: () => {
        change.reset();
        onClose();
      },
    });
  };

  return (
    <Modal
      opened={action !== null}
      onClose={close}
      title={block ? t('numberStatus.confirm.blockTitle') : t('numberStatus.confirm.unblockTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>
          {block ? t('numberStatus.confirm.blockText', { number }) : t('numberStatus.confirm.unblockText', { number })}
        </Text>
        {change.error && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            {change.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus disabled={change.isPending}>
            {t('common.back')}
          </Button>
          <Button color={block ? 'red.9' : undefined} onClick={confirm} loading={change.isPending}>
            {block ? t('numberStatus.block') : t('numberStatus.unblock')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
