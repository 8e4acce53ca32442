import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { AlertIcon, InfoIcon } from '../../../components/ui/icons';
import { formatDateTime, formatMsisdn } from '../../../lib/format';
import { tk } from '../../../lib/i18n';
import { isCompletePhone, toMsisdn } from '../../../lib/phone';
import { PhoneField } from '../../auth/components/phone-field';
import {
  type DeviceRegistrationState,
  type DeviceStatus,
  useDeviceRegistrations,
  useDeviceStatus,
  useRegisterDeviceMutation,
  useRemoveDeviceMutation,
} from '../api/device';
import { numberPartKey } from '../api/query-keys';
import type { NumberActionDialogProps } from './number-actions';

const STATUS_KEY = {
  registered: tk('device.status.registered'),
  not_registered: tk('device.status.not_registered'),
  pending: tk('device.status.pending'),
} as const satisfies Record<DeviceStatus['registrationStatus'], string>;

const STATE_KEY = {
  pending: tk('device.states.pending'),
  registered: tk('device.states.registered'),
  removed: tk('device.states.removed'),
  needs_reregistration: tk('device.states.needs_reregistration'),
  needs_duplicate: tk('device.states.needs_duplicate'),
  invalid: tk('device.states.invalid'),
  failed: tk('device.states.failed'),
} as const satisfies Record<DeviceRegistrationState, string>;

const KIND_KEY = {
  register: tk('device.kinds.register'),
  reregister: tk('device.kinds.reregister'),
  duplicate: tk('device.kinds.duplicate'),
  remove: tk('device.kinds.remove'),
} as const;

/** The history's "Condition" as the manual words it ("Duplicate registered successfully" for a duplicate). */
function stateKey(item: { kind: keyof typeof KIND_KEY; state: DeviceRegistrationState }): string {
  if (item.kind === 'duplicate' && item.state === 'registered') return tk('device.states.duplicate_registered');
  return STATE_KEY[item.state];
}

/** 14 digits, or 15 (the server checks the Luhn digit of a 15-digit one). */
export function isImeiShaped(value: string): boolean {
  return /^\d{14,15}$/.test(value);
}

/**
 * F24–F26 "Device registration (IMEI)" as in the manual: the last IMEI and its registration status, the two notes,
 * "Request history" and "Registration of end-user devices" (Register / Delete), and Re-register / Register duplicate.
 */
export function DeviceRegistrationDialog({ companyId, msisdn, opened, onClose }: NumberActionDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('device.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <DeviceContent companyId={companyId} msisdn={msisdn} onClose={onClose} />
    </Modal>
  );
}

type Mode = 'main' | 'reregister' | 'duplicate';

function DeviceContent({ companyId, msisdn, onClose }: Omit<NumberActionDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const device = useDeviceStatus(companyId, msisdn);
  const [mode, setMode] = useState<Mode>('main');
  const [tab, setTab] = useState<string | null>('register');

  if (device.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <Text size="sm" c="dimmed" role="status">
          {t('common.loading')}
        </Text>
        <Skeleton height={36} />
        <Skeleton height={120} />
      </Stack>
    );
  }
  if (device.isError) {
    return (
      <ErrorState message={device.error.message} onRetry={() => void device.refetch()} retrying={device.isFetching} />
    );
  }
  const status = device.data;
  const lastImei = status.lastDetectedImei ?? status.registeredImei;

  if (mode !== 'main') {
    return (
      <SpecialRegistration
        companyId={companyId}
        msisdn={msisdn}
        kind={mode}
        imei={lastImei ?? ''}
        onBack={() => setMode('main')}
        onSent={() => {
          setMode('main');
          setTab('history');
        }}
      />
    );
  }

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm">{t('device.number', { number: formatMsisdn(msisdn) })}</Text>
        <Text>
          {t('device.lastImei')} <strong>{lastImei ?? t('device.noImei')}</strong>
        </Text>
        <Text role="status">
          {t('device.statusLabel')} <strong>{t(STATUS_KEY[status.registrationStatus])}</strong>
          {/* After a removal, as the manual: "… not registered to this number. Registration has been removed." */}
          {status.registrationStatus === 'not_registered' && status.lastOutcome === 'removed' && (
            <> {t('device.status.removed')}</>
          )}
        </Text>
      </Stack>
      <Alert color="blue" variant="light" icon={<InfoIcon />}>
        {t('device.smsNote')}
      </Alert>
      <Alert color="yellow" variant="light" icon={<InfoIcon />}>
        {t('device.historyNote')}
      </Alert>
      {status.lastOutcome === 'needs_reregistration' && (
        <Alert color="orange" variant="light" icon={<AlertIcon />}>
          {t('device.needsReregistration')}
        </Alert>
      )}
      {status.lastOutcome === 'needs_duplicate' && (
        <Alert color="orange" variant="light" icon={<AlertIcon />}>
          {t('device.needsDuplicate')}
        </Alert>
      )}
      <Group gap="sm">
        <Button
          variant={status.lastOutcome === 'needs_reregistration' ? 'filled' : 'default'}
          onClick={() => setMode('reregister')}
          disabled={!lastImei || Boolean(status.pendingRequestId)}
        >
          {t('device.reregister')}
        </Button>
        <Button
          variant={status.lastOutcome === 'needs_duplicate' ? 'filled' : 'default'}
          onClick={() => setMode('duplicate')}
          disabled={!lastImei || Boolean(status.pendingRequestId)}
        >
          {t('device.duplicate')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="history">{t('device.tabs.history')}</Tabs.Tab>
          <Tabs.Tab value="register">{t('device.tabs.register')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="history" pt="md">
          <DeviceHistory companyId={companyId} msisdn={msisdn} pending={Boolean(status.pendingRequestId)} />
        </Tabs.Panel>
        <Tabs.Panel value="register" pt="md">
          <RegisterForm
            companyId={companyId}
            msisdn={msisdn}
            status={status}
            initialImei={lastImei ?? ''}
            onClose={onClose}
            onSent={() => setTab('history')}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function DeviceHistory({ companyId, msisdn, pending }: { companyId: string; msisdn: string; pending: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const history = useDeviceRegistrations(companyId, msisdn, pending);
  // When the registry has answered, the history is fetched once more to show the outcome.
  useEffect(() => {
    if (!pending)
      void queryClient.invalidateQueries({ queryKey: numberPartKey(companyId, msisdn, 'device-registrations') });
  }, [pending, companyId, msisdn, queryClient]);
  if (history.isPending) return <Skeleton height={80} />;
  if (history.isError) {
    return (
      <ErrorState
        message={history.error.message}
        onRetry={() => void history.refetch()}
        retrying={history.isFetching}
      />
    );
  }
  if (history.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('device.historyEmpty')}
      </Text>
    );
  }
  return (
    <Table striped fz="sm" horizontalSpacing="xs" aria-label={t('device.tabs.history')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('device.columns.date')}</Table.Th>
          <Table.Th>IMEI</Table.Th>
          <Table.Th>{t('device.columns.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {history.data.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>{formatDateTime(item.date)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {item.imei}
              <Text size="xs" c="dimmed">
                {t(KIND_KEY[item.kind])}
              </Text>
            </Table.Td>
            <Table.Td>{t(stateKey(item))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type RegisterFormProps = {
  companyId: string;
  msisdn: string;
  status: DeviceStatus;
  initialImei: string;
  onClose: () => void;
  onSent: () => void;
};

function RegisterForm({ companyId, msisdn, status, initialImei, onClose, onSent }: RegisterFormProps) {
  const { t } = useTranslation();
  const register = useRegisterDeviceMutation(companyId, msisdn);
  const remove = useRemoveDeviceMutation(companyId, msisdn);
  const [imei, setImei] = useState(initialImei);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const value = imei.replace(/\s/g, '');
  const registered = status.registeredImeis.includes(value);
  const error = register.error ?? remove.error;
  const serverFieldError = error?.fieldMessage('imei');
  const busy = register.isPending || remove.isPending;

  const check = () => {
    if (!isImeiShaped(value)) {
      setFieldError(t('device.imeiInvalid'));
      return false;
    }
    setFieldError(null);
    register.reset();
    remove.reset();
    return true;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    register.mutate(
      { imei: value, kind: 'register' },
      {
        onSuccess: () => {
          setSent(t('device.sent'));
          onSent();
        },
      },
    );
  };
  const onDelete = () => {
    if (!check()) return;
    remove.mutate(value, {
      onSuccess: () => {
        setSent(t('device.removeSent'));
        onSent();
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {/* Removal, as the manual: select the device from the list of IMEIs linked to the number. */}
        {status.registeredImeis.length > 0 && (
          <Radio.Group
            label={t('device.registeredList')}
            value={registered ? value : null}
            onChange={(selected) => {
              setImei(selected);
              setFieldError(null);
            }}
          >
            <Stack gap={6} mt="xs">
              {status.registeredImeis.map((registeredImei) => (
                <Radio key={registeredImei} value={registeredImei} label={registeredImei} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <TextInput
          label="IMEI"
          description={t('device.imeiHint')}
          value={imei}
          onChange={(event) => {
            setImei(event.currentTarget.value);
            setFieldError(null);
          }}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          required
          error={fieldError ?? serverFieldError}
        />
        {error && !serverFieldError && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            {error.message}
          </Alert>
        )}
        {sent && (
          <Text size="sm" role="status">
            {sent}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          {registered && (
            <Button color="red.9" variant="outline" onClick={onDelete} loading={remove.isPending}>
              {t('device.delete')}
            </Button>
          )}
          <Button type="submit" loading={register.isPending} disabled={Boolean(status.pendingRequestId)}>
            {t('device.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type SpecialRegistrationProps = {
  companyId: string;
  msisdn: string;
  kind: 'reregister' | 'duplicate';
  imei: string;
  onBack: () => void;
  onSent: () => void;
};

/** F25 Re-register (the previous owner's number and IIN/BIN, the terms) and F26 Register duplicate (the terms). */
function SpecialRegistration({ companyId, msisdn, kind, imei, onBack, onSent }: SpecialRegistrationProps) {
  const { t } = useTranslation();
  const register = useRegisterDeviceMutation(companyId, msisdn);
  const [phone, setPhone] = useState('');
  const [iinBin, setIinBin] = useState('');
  const [terms, setTerms] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reregister = kind === 'reregister';

  const serverError = (field: string) => register.error?.fieldMessage(field);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (reregister && !isCompletePhone(phone)) next.phone = t('device.phoneInvalid');
    if (reregister && !/^\d{12}$/.test(iinBin.trim())) next.iinBin = t('device.iinBinInvalid');
    if (!terms) next.terms = t('device.termsRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    register.mutate(
      reregister
        ? { imei, kind, previousOwner: { msisdn: toMsisdn(phone), iinBin: iinBin.trim() }, termsAccepted: true }
        : { imei, kind, termsAccepted: true },
      { onSuccess: onSent },
    );
  };
  const known = ['imei', 'previousOwner.msisdn', 'previousOwner.iinBin', 'termsAccepted'];
  let general: ReactNode = null;
  if (register.error && !register.error.hasFieldErrors(known)) {
    general = (
      <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
        {register.error.message}
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text fw={600}>{reregister ? t('device.reregisterTitle') : t('device.duplicateTitle')}</Text>
        <Text size="sm">
          IMEI: <strong>{imei}</strong>
        </Text>
        <Text size="sm">{reregister ? t('device.reregisterText') : t('device.duplicateText')}</Text>
        {serverError('imei') && (
          <Text size="sm" c="red.9" role="alert">
            {serverError('imei')}
          </Text>
        )}
        {reregister && (
          <>
            <PhoneField
              label={t('device.previousNumber')}
              value={phone}
              onChange={setPhone}
              name="previousOwnerPhone"
              autoComplete="off"
              error={errors.phone ?? serverError('previousOwner.msisdn')}
            />
            <TextInput
              label={t('device.iinBin')}
              value={iinBin}
              onChange={(event) => setIinBin(event.currentTarget.value)}
              inputMode="numeric"
              maxLength={12}
              autoComplete="off"
              required
              error={errors.iinBin ?? serverError('previousOwner.iinBin')}
            />
          </>
        )}
        <Alert color="blue" variant="light" icon={<InfoIcon />}>
          {t('device.terms')}
        </Alert>
        <Checkbox
          label={t('device.termsAccept')}
          checked={terms}
          onChange={(event) => setTerms(event.currentTarget.checked)}
          error={errors.terms ?? serverError('termsAccepted')}
        />
        {general}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onBack} disabled={register.isPending}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={register.isPending}>
            {reregister ? t('device.reregister') : t('device.duplicate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
