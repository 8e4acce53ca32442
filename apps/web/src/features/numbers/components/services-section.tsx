import { Alert, Badge, Button, Group, Modal, Paper, Stack, Switch, Tabs, Text } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { AlertIcon } from '../../../components/ui/icons';
import { InfoHint } from '../../../components/ui/info-hint';
import { formatDate, formatMoney } from '../../../lib/format';
import { currentLanguage, tk } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import {
  type NumberService,
  type ServiceCategory,
  type ServiceToggle,
  useNumberServices,
  useToggleServiceMutation,
} from '../api/services';
import { ProfileSection, SectionSkeleton } from './profile-section';

const CATEGORY_KEY = {
  calls_sms: tk('numberProfile.services.categories.calls_sms'),
  data: tk('numberProfile.services.categories.data'),
  roaming: tk('numberProfile.services.categories.roaming'),
  additional: tk('numberProfile.services.categories.additional'),
  promotions: tk('numberProfile.services.categories.promotions'),
} as const satisfies Record<ServiceCategory, string>;

/** Reasons that come from the number's status: said once above the list, not under every service. */
const STATUS_REASONS = new Set(['number_blocked', 'number_blocked_for_debt', 'number_suspended', 'number_terminated']);

/** A refused toggle: its message stays under the service until the next try. */
type Refusal = { code: string; message: string };

/**
 * F17, F18 "Active / Inactive services": the five categories of the manual, a switch per service (purple and to
 * the right when connected), ⓘ with the terms, a confirmation before every change, the reason beside each switch
 * that can't be moved. Restrictions (USSD, subscriptions, hidden caller ID) are among the additional services.
 */
export function ServicesSection({ companyId, msisdn }: { companyId: string; msisdn: string }) {
  const { t } = useTranslation();
  const services = useNumberServices(companyId, msisdn);
  const toggle = useToggleServiceMutation(companyId, msisdn);
  const [category, setCategory] = useState<ServiceCategory>('calls_sms');
  const [pending, setPending] = useState<{ service: NumberService; connect: boolean } | null>(null);
  const [refusals, setRefusals] = useState<Record<string, Refusal>>({});
  const statusReasonId = useId();

  const ask = (service: NumberService) => {
    setRefusals((previous) => {
      const next = { ...previous };
      delete next[service.code];
      return next;
    });
    setPending({ service, connect: !service.active });
  };
  const close = () => {
    if (!toggle.isPending) setPending(null);
  };
  const confirm = () => {
    if (!pending) return;
    const { service, connect } = pending;
    const change: ServiceToggle = { serviceCode: service.code, connect };
    toggle.mutate(change, {
      onSuccess: (updated) => {
        notifySuccessFor(updated, connect);
        setPending(null);
      },
      onError: (error) => {
        // The switch stays where the server says it is; the reason is shown under it.
        setRefusals((previous) => ({ ...previous, [service.code]: { code: error.code, message: error.message } }));
        setPending(null);
      },
    });
  };
  const notifySuccessFor = (service: NumberService, connect: boolean) =>
    notifySuccess(
      connect
        ? t('numberProfile.services.connected', { service: service.name })
        : t('numberProfile.services.disconnected', { service: service.name }),
    );

  let body: ReactNode;
  if (services.isPending) body = <SectionSkeleton lines={6} />;
  else if (services.isError) {
    body = (
      <ErrorState
        message={services.error.message}
        onRetry={() => void services.refetch()}
        retrying={services.isFetching}
      />
    );
  } else {
    const categories = services.data.categories;
    const statusReason = categories
      .flatMap((item) => item.services)
      .map((service) => service.unavailableReason)
      .find((reason) => reason && STATUS_REASONS.has(reason.code));
    body = (
      <Stack gap="md">
        {statusReason && (
          <Alert
            id={statusReasonId}
            color="orange"
            variant="light"
            icon={<AlertIcon />}
            title={t('numberProfile.services.statusLocked')}
            // Orange on light orange is below 4.5:1 for a title: dark text, the icon keeps the colour.
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            {statusReason.message}
          </Alert>
        )}
        <Tabs
          value={category}
          onChange={(value) => setCategory(categories.find((item) => item.category === value)?.category ?? 'calls_sms')}
        >
          <Tabs.List aria-label={t('numberProfile.services.categoriesLabel')} mb="md">
            {categories.map((item) => {
              const connected = item.services.filter((service) => service.active).length;
              return (
                <Tabs.Tab
                  key={item.category}
                  value={item.category}
                  rightSection={
                    <Badge size="sm" variant="light" color={connected ? 'brand' : 'gray'} circle aria-hidden="true">
                      {connected}
                    </Badge>
                  }
                  aria-label={t('numberProfile.services.categoryLabel', {
                    category: t(CATEGORY_KEY[item.category]),
                    connected,
                  })}
                >
                  {t(CATEGORY_KEY[item.category])}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {categories.map((item) => (
            <Tabs.Panel key={item.category} value={item.category}>
              {item.services.length === 0 ? (
                <Text c="dimmed">{t('numberProfile.services.empty')}</Text>
              ) : (
                <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                  {item.services.map((service) => (
                    <ServiceRow
                      key={service.code}
                      service={service}
                      refusal={refusals[service.code]}
                      onToggle={() => ask(service)}
                      statusReasonId={statusReasonId}
                    />
                  ))}
                </Stack>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    );
  }

  return (
    <ProfileSection
      id="number-services"
      title={t('numberProfile.services.title')}
      intro={t('numberProfile.services.intro')}
    >
      {body}
      <Modal
        opened={pending !== null}
        onClose={close}
        title={
          pending?.connect
            ? t('numberProfile.services.confirm.connectTitle')
            : t('numberProfile.services.confirm.disconnectTitle')
        }
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>
            {pending?.connect
              ? t('numberProfile.services.confirm.connect', { service: pending.service.name })
              : t('numberProfile.services.confirm.disconnect', { service: pending?.service.name ?? '' })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus disabled={toggle.isPending}>
              {t('common.back')}
            </Button>
            <Button onClick={confirm} loading={toggle.isPending}>
              {t('common.continue')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ProfileSection>
  );
}

type ServiceRowProps = {
  service: NumberService;
  refusal?: Refusal;
  onToggle: () => void;
  /** The note above the list that says why the number's status keeps services from changing. */
  statusReasonId: string;
};

function ServiceRow({ service, refusal, onToggle, statusReasonId }: ServiceRowProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const detailsId = useId();
  const reasonId = useId();
  const free = /^0+(\.0+)?$/.test(service.monthlyFee.amount);
  const fee = free
    ? t('numberProfile.services.free')
    : t('numberProfile.services.fee', { fee: formatMoney(service.monthlyFee, language) });
  const unavailable = service.available ? null : service.unavailableReason;
  const fromStatus = unavailable ? STATUS_REASONS.has(unavailable.code) : false;
  const reason = unavailable && !fromStatus ? unavailable.message : undefined;

  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      px="md"
      py="sm"
      data-service={service.code}
      bg={service.available ? undefined : 'gray.0'}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap" align="center">
            <Text fw={600} c={service.available ? undefined : 'gray.8'} style={{ overflowWrap: 'anywhere' }}>
              {service.name}
            </Text>
            <InfoHint label={t('numberProfile.services.terms', { service: service.name })} width={320}>
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  {service.name}
                </Text>
                <Text size="sm">{service.terms}</Text>
                <Text size="sm" c="dimmed">
                  {fee}
                </Text>
              </Stack>
            </InfoHint>
            {service.isRestriction && (
              <Badge size="sm" variant="light" color="grape" tt="none">
                {t('numberProfile.services.restriction')}
              </Badge>
            )}
          </Group>
          <Text id={detailsId} size="xs" c="dimmed">
            {[
              fee,
              service.active && service.activatedAt
                ? t('numberProfile.services.connectedOn', { date: formatDate(service.activatedAt) })
                : null,
              service.availableUntil
                ? t('numberProfile.services.availableUntil', { date: formatDate(service.availableUntil) })
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {reason && (
            <Text id={reasonId} size="sm" c="gray.8">
              {reason}
            </Text>
          )}
          {refusal && (
            <Group gap={6} wrap="nowrap" align="flex-start" c="red.9" role="alert">
              <AlertIcon style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm">{refusal.message}</Text>
            </Group>
          )}
        </Stack>
        <Switch
          checked={service.active}
          onChange={onToggle}
          disabled={!service.available}
          size="md"
          aria-label={service.name}
          aria-describedby={[detailsId, reason ? reasonId : null, fromStatus ? statusReasonId : null]
            .filter(Boolean)
            .join(' ')}
          styles={{ root: { flexShrink: 0, paddingTop: 2 } }}
        />
      </Group>
    </Paper>
  );
}
