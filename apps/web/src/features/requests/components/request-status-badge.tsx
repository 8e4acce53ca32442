import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { tk } from '../../../lib/i18n';
import type { RequestStatus } from '../api/requests';

const STATUS: Record<RequestStatus, { key: string; color: string }> = {
  pending: { key: tk('requests.status.pending'), color: 'gray' },
  running: { key: tk('requests.status.running'), color: 'blue' },
  succeeded: { key: tk('requests.status.succeeded'), color: 'green' },
  failed: { key: tk('requests.status.failed'), color: 'red' },
};

/** The status of a request as a dot badge: the text stays dark (AA contrast), the dot carries the colour. */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  const { key, color } = STATUS[status];
  return (
    <Badge variant="dot" color={color} tt="none" fw={600} c="dark.7" style={{ flexShrink: 0 }}>
      {t(key)}
    </Badge>
  );
}

const KIND: Record<string, string> = {
  sim_replacement: tk('requests.kinds.sim_replacement'),
  esim_replacement: tk('requests.kinds.esim_replacement'),
  device_register: tk('requests.kinds.device_register'),
  device_reregister: tk('requests.kinds.device_reregister'),
  device_duplicate: tk('requests.kinds.device_duplicate'),
  device_remove: tk('requests.kinds.device_remove'),
  // Reports (F19, F32, F34–F37) are named as their cards and dialog are.
  report_usage: tk('usageDetails.title'),
  report_numbers: tk('documents.numbersReport.title'),
  report_invoice_register: tk('documents.invoiceRegister.title'),
  report_reconciliation: tk('documents.reconciliation.title'),
  report_registered_devices: tk('documents.registeredDevices.title'),
  report_payments: tk('documents.paymentsReport.title'),
};

/** The translated kind of a request; kinds this page does not know yet are shown as they are. */
export function requestKindKey(kind: string): string | undefined {
  return KIND[kind];
}
