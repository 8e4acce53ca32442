import { Alert, Button, Group, Modal, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { AlertIcon } from '../../../components/ui/icons';
import { formatMsisdn } from '../../../lib/format';
import { tk } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { isCompletePhone, toMsisdn } from '../../../lib/phone';
import { PhoneField } from '../../auth/components/phone-field';
import {
  type CallForwarding,
  type CallForwardings,
  FORWARDING_TYPES,
  type ForwardingServiceCode,
  type ForwardingType,
  useAddCallForwardingMutation,
  useCallForwardings,
  useRemoveCallForwardingMutation,
} from '../api/call-forwardings';
import { InfoItem, InfoList } from './profile-section';

export const FORWARDING_TYPE_KEY = {
  unconditional: tk('callForwarding.types.unconditional'),
  busy: tk('callForwarding.types.busy'),
  no_answer: tk('callForwarding.types.no_answer'),
  unreachable: tk('callForwarding.types.unreachable'),
} as const satisfies Record<ForwardingType, string>;

const DIRECTION_KEY = {
  number: tk('callForwarding.directions.number'),
  service: tk('callForwarding.directions.service'),
} as const;

type Direction = keyof typeof DIRECTION_KEY;

type CallForwardingDialogProps = {
  companyId: string;
  msisdn: string;
  opened: boolean;
  onClose: () => void;
};

/**
 * F23 "Call forwarding" as in the manual: the active forwardings with Remove, and the form (type of forwarding,
 * direction, then the service or the number) with Back / Add.
 */
export function CallForwardingDialog({ companyId, msisdn, opened, onClose }: CallForwardingDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('callForwarding.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Rendered only while open: every opening starts afresh. */}
      <CallForwardingContent companyId={companyId} msisdn={msisdn} onClose={onClose} />
    </Modal>
  );
}

function CallForwardingContent({ companyId, msisdn, onClose }: Omit<CallForwardingDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const forwardings = useCallForwardings(companyId, msisdn);

  let body: ReactNode;
  if (forwardings.isPending) {
    body = (
      <Stack gap="sm" aria-busy="true">
        <Text size="sm" c="dimmed" role="status">
          {t('common.loading')}
        </Text>
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Stack>
    );
  } else if (forwardings.isError) {
    body = (
      <ErrorState
        message={forwardings.error.message}
        onRetry={() => void forwardings.refetch()}
        retrying={forwardings.isFetching}
      />
    );
  } else {
    body = <ForwardingViews companyId={companyId} msisdn={msisdn} data={forwardings.data} onClose={onClose} />;
  }

  return (
    <Stack gap="md">
      <Text fw={500}>{t('callForwarding.number', { number: formatMsisdn(msisdn) })}</Text>
      {body}
    </Stack>
  );
}

type ForwardingViewsProps = { companyId: string; msisdn: string; data: CallForwardings; onClose: () => void };

/** The list of forwardings, or the form; nothing set yet when the dialog opens: straight to the form (the manual). */
function ForwardingViews({ companyId, msisdn, data, onClose }: ForwardingViewsProps) {
  const [view, setView] = useState<'list' | 'form'>(() => (data.items.length > 0 || !data.available ? 'list' : 'form'));
  // After an add, focus goes to the list's Add button (the form it was in is gone).
  const [focusAdd, setFocusAdd] = useState(false);
  if (view === 'form') {
    return (
      <ForwardingForm
        companyId={companyId}
        msisdn={msisdn}
        data={data}
        onBack={() => (data.items.length > 0 ? setView('list') : onClose())}
        onAdded={() => {
          setFocusAdd(true);
          setView('list');
        }}
      />
    );
  }
  return (
    <ForwardingList
      companyId={companyId}
      msisdn={msisdn}
      data={data}
      onAdd={() => setView('form')}
      onClose={onClose}
      focusAdd={focusAdd}
    />
  );
}

function forwardingTarget(item: CallForwarding): string {
  if (item.direction === 'service') return item.service?.name ?? '';
  return item.targetMsisdn ? formatMsisdn(item.targetMsisdn) : '';
}

type ForwardingListProps = {
  companyId: string;
  msisdn: string;
  data: CallForwardings;
  onAdd: () => void;
  onClose: () => void;
  focusAdd: boolean;
};

function ForwardingList({ companyId, msisdn, data, onAdd, onClose, focusAdd }: ForwardingListProps) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  // Here rather than in the item: the item is gone once the removal is through, the list stays.
  const remove = useRemoveCallForwardingMutation(companyId, msisdn);
  useEffect(() => {
    if (focusAdd) addRef.current?.focus();
  }, [focusAdd]);

  const removeItem = (item: CallForwarding) =>
    remove.mutate(item.id, {
      onSuccess: () => {
        notifySuccess(t('callForwarding.removed', { type: t(FORWARDING_TYPE_KEY[item.type]) }));
        addRef.current?.focus();
      },
    });

  return (
    <Stack gap="md">
      {!data.available && data.unavailableReason && (
        <Alert color="orange" variant="light" icon={<AlertIcon />}>
          {data.unavailableReason.message}
        </Alert>
      )}
      {data.items.length === 0 ? (
        <Text c="dimmed">{t('callForwarding.empty')}</Text>
      ) : (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('callForwarding.listLabel')}
        >
          {data.items.map((item) => {
            const current = remove.variables === item.id;
            return (
              <ForwardingItem
                key={item.id}
                item={item}
                changeable={data.available}
                removing={current && remove.isPending}
                error={current ? remove.error?.message : undefined}
                onRemove={() => removeItem(item)}
                onCancel={() => remove.reset()}
              />
            );
          })}
        </Stack>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button ref={addRef} onClick={onAdd} disabled={!data.available}>
          {t('callForwarding.add')}
        </Button>
      </Group>
    </Stack>
  );
}

type ForwardingItemProps = {
  item: CallForwarding;
  changeable: boolean;
  removing: boolean;
  /** Why the removal was refused. */
  error?: string;
  onRemove: () => void;
  onCancel: () => void;
};

function ForwardingItem({ item, changeable, removing, error, onRemove, onCancel }: ForwardingItemProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const type = t(FORWARDING_TYPE_KEY[item.type]);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    onCancel();
    // Back to the button that asked.
    requestAnimationFrame(() => removeRef.current?.focus());
  };

  return (
    <Paper component="li" withBorder radius="md" p="md" data-forwarding-type={item.type}>
      <InfoList>
        <InfoItem label={t('callForwarding.type')} value={type} />
        <InfoItem label={t('callForwarding.direction')} value={t(DIRECTION_KEY[item.direction])} />
        <InfoItem
          label={item.direction === 'service' ? t('callForwarding.service') : t('callForwarding.target')}
          value={forwardingTarget(item)}
        />
      </InfoList>
      {error && (
        <Alert color="red" variant="light" icon={<AlertIcon />} role="alert" mt="sm">
          {error}
        </Alert>
      )}
      {confirming ? (
        <Stack gap="xs" mt="sm" role="group" aria-label={t('callForwarding.removeConfirm', { type })}>
          <Text size="sm" fw={500}>
            {t('callForwarding.removeConfirm', { type })}
          </Text>
          <Group gap="sm" justify="flex-end">
            <Button ref={cancelRef} variant="default" size="xs" onClick={cancel} disabled={removing}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" size="xs" onClick={onRemove} loading={removing}>
              {t('callForwarding.remove')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group justify="flex-end" mt="sm">
          <Button
            ref={removeRef}
            variant="light"
            color="red"
            size="xs"
            onClick={() => setConfirming(true)}
            disabled={!changeable}
            aria-label={t('callForwarding.removeLabel', { type })}
          >
            {t('callForwarding.remove')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

type ForwardingFormProps = {
  companyId: string;
  msisdn: string;
  data: CallForwardings;
  onBack: () => void;
  onAdded: () => void;
};

type LocalErrors = { type?: string; direction?: string; service?: string; target?: string };

function ForwardingForm({ companyId, msisdn, data, onBack, onAdded }: ForwardingFormProps) {
  const { t } = useTranslation();
  const [type, setType] = useState<ForwardingType | null>(null);
  const [direction, setDirection] = useState<Direction | null>(null);
  const [serviceCode, setServiceCode] = useState<ForwardingServiceCode | null>(null);
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<LocalErrors>({});
  const add = useAddCallForwardingMutation(companyId, msisdn);

  const edited = () => {
    if (add.error) add.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: LocalErrors = {};
    if (!type) next.type = t('callForwarding.errors.typeRequired');
    if (!direction) next.direction = t('callForwarding.errors.directionRequired');
    if (direction === 'service' && !serviceCode) next.service = t('callForwarding.errors.serviceRequired');
    if (direction === 'number' && !(isCompletePhone(target) && target.startsWith('7'))) {
      next.target = t('callForwarding.errors.targetInvalid');
    }
    setErrors(next);
    if (Object.values(next).some(Boolean) || !type || !direction) return;
    const body =
      direction === 'service' && serviceCode
        ? { type, direction, serviceCode }
        : { type, direction: 'number' as const, targetMsisdn: toMsisdn(target) };
    add.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('callForwarding.added', { type: t(FORWARDING_TYPE_KEY[type]) }));
        onAdded();
      },
    });
  };

  const serverError = add.error;
  const targetError = errors.target ?? serverError?.fieldMessage('targetMsisdn');
  const serviceError = errors.service ?? serverError?.fieldMessage('serviceCode');
  const generalError =
    serverError && !serverError.hasFieldErrors(['targetMsisdn', 'serviceCode']) ? serverError.message : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('callForwarding.formLabel')}>
      <Stack gap="md">
        <Select
          label={t('callForwarding.type')}
          placeholder={t('callForwarding.typePlaceholder')}
          data={FORWARDING_TYPES.map((value) => ({ value, label: t(FORWARDING_TYPE_KEY[value]) }))}
          value={type}
          onChange={(value) => {
            setType(FORWARDING_TYPES.find((candidate) => candidate === value) ?? null);
            setErrors((previous) => ({ ...previous, type: undefined }));
            edited();
          }}
          error={errors.type}
          required
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <Select
          label={t('callForwarding.direction')}
          placeholder={t('callForwarding.directionPlaceholder')}
          data={(['number', 'service'] as const).map((value) => ({ value, label: t(DIRECTION_KEY[value]) }))}
          value={direction}
          onChange={(value) => {
            setDirection(value === 'number' || value === 'service' ? value : null);
            setErrors((previous) => ({ ...previous, direction: undefined, service: undefined, target: undefined }));
            edited();
          }}
          error={errors.direction}
          required
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        {direction === 'service' && (
          <Select
            label={t('callForwarding.service')}
            placeholder={t('callForwarding.servicePlaceholder')}
            data={data.services.map((service) => ({ value: service.code, label: service.name }))}
            value={serviceCode}
            onChange={(value) => {
              setServiceCode(data.services.find((service) => service.code === value)?.code ?? null);
              setErrors((previous) => ({ ...previous, service: undefined }));
              edited();
            }}
            error={serviceError}
            required
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {direction === 'number' && (
          <PhoneField
            name="targetMsisdn"
            autoComplete="off"
            label={t('callForwarding.target')}
            description={t('callForwarding.targetHint')}
            value={target}
            onChange={(value) => {
              setTarget(value);
              setErrors((previous) => ({ ...previous, target: undefined }));
              edited();
            }}
            error={targetError}
          />
        )}
        {generalError && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            {generalError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onBack} disabled={add.isPending}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('callForwarding.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
