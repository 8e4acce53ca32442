import { Alert, Button, Group, Select, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { AlertIcon, DocumentIcon } from '../../../components/ui/icons';
import { SectionEmptyState } from '../../../components/ui/section-empty-state';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format';
import { currentLanguage, tk } from '../../../lib/i18n';
import { type ContractPhone, useContractPhones } from '../api/contract-phones';
import type { NumberDetails } from '../api/number-details';
import { type SimSecrets, useRevealSimSecretsMutation, useSimCard } from '../api/sim-card';
import { ACCOUNT_TYPE_KEY, BILLING_METHOD_KEY, labelKey } from './labels';
import { InfoItem, InfoList, ProfileSection, SectionSkeleton } from './profile-section';

const INFO_TABS = ['general', 'sim', 'contract'] as const;
type InfoTab = (typeof INFO_TABS)[number];

type NumberInfoTabsProps = { companyId: string; msisdn: string; details: NumberDetails };

/** F13–F15: "General information | SIM card and device | Contract phone", as in the manual. */
export function NumberInfoTabs({ companyId, msisdn, details }: NumberInfoTabsProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<InfoTab>('general');
  return (
    <ProfileSection id="number-information" title={t('numberProfile.tabs.label')} hiddenTitle>
      <Tabs
        value={tab}
        onChange={(value) => setTab(INFO_TABS.find((candidate) => candidate === value) ?? 'general')}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('numberProfile.tabs.label')} mb="md">
          <Tabs.Tab value="general">{t('numberProfile.general.title')}</Tabs.Tab>
          <Tabs.Tab value="sim">{t('numberProfile.sim.title')}</Tabs.Tab>
          <Tabs.Tab value="contract">{t('numberProfile.contract.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general">
          <GeneralInformation details={details} />
        </Tabs.Panel>
        {/* SIM and contracts load when their tab is opened. */}
        <Tabs.Panel value="sim">
          <SimCardPanel companyId={companyId} msisdn={msisdn} />
        </Tabs.Panel>
        <Tabs.Panel value="contract">
          <ContractPhonePanel companyId={companyId} msisdn={msisdn} />
        </Tabs.Panel>
      </Tabs>
    </ProfileSection>
  );
}

function GeneralInformation({ details }: { details: NumberDetails }) {
  const { t } = useTranslation();
  const info = details.generalInformation;
  const billingKey = labelKey(BILLING_METHOD_KEY, info.billingMethod);
  const accountTypeKey = labelKey(ACCOUNT_TYPE_KEY, info.accountType);
  return (
    <InfoList>
      <InfoItem
        label={t('numberProfile.general.billingMethod')}
        value={billingKey ? t(billingKey) : info.billingMethod}
      />
      <InfoItem
        label={t('numberProfile.general.registrationFormNumber')}
        value={info.registrationFormNumber ?? t('common.notSpecified')}
      />
      <InfoItem label={t('numberProfile.general.accountNumber')} value={info.accountNumber} />
      <InfoItem
        label={t('numberProfile.general.accountType')}
        value={accountTypeKey ? t(accountTypeKey) : info.accountType}
      />
      <InfoItem
        label={t('numberProfile.general.esim')}
        value={info.esimEnabled ? t('numberProfile.general.esimEnabled') : t('numberProfile.general.esimDisabled')}
      />
    </InfoList>
  );
}

const SECRET_FIELDS = [
  { field: 'pin1', label: 'PIN1' },
  { field: 'pin2', label: 'PIN2' },
  { field: 'puk1', label: 'PUK1' },
  { field: 'puk2', label: 'PUK2' },
] as const;

type SecretField = (typeof SECRET_FIELDS)[number]['field'];

/** F14: replacement date, PIN/PUK (masked until "Show": each reveal is recorded), ICCID, IMEI. */
function SimCardPanel({ companyId, msisdn }: { companyId: string; msisdn: string }) {
  const { t } = useTranslation();
  const sim = useSimCard(companyId, msisdn);
  const reveal = useRevealSimSecretsMutation(companyId, msisdn);
  // The secrets live in this panel only: never in the query cache, gone when the tab is left.
  const [secrets, setSecrets] = useState<SimSecrets | null>(null);
  const [shown, setShown] = useState<ReadonlySet<SecretField>>(new Set());
  const [revealing, setRevealing] = useState<SecretField | null>(null);

  if (sim.isPending) return <SectionSkeleton lines={7} />;
  if (sim.isError) {
    return <ErrorState message={sim.error.message} onRetry={() => void sim.refetch()} retrying={sim.isFetching} />;
  }
  const card = sim.data;

  const show = (field: SecretField) => {
    if (secrets) {
      setShown((previous) => new Set(previous).add(field));
      return;
    }
    setRevealing(field);
    reveal.mutate(undefined, {
      onSuccess: (result) => {
        setSecrets(result);
        setShown((previous) => new Set(previous).add(field));
      },
      onSettled: () => setRevealing(null),
    });
  };
  const hide = (field: SecretField) =>
    setShown((previous) => {
      const next = new Set(previous);
      next.delete(field);
      return next;
    });

  return (
    <Stack gap="sm">
      {!card.iccid && (
        <Alert color="gray" variant="light" icon={<AlertIcon />}>
          {t('numberProfile.sim.noSim')}
        </Alert>
      )}
      <InfoList>
        <InfoItem
          label={t('numberProfile.sim.replacementDate')}
          value={card.replacementDate ? formatDateTime(card.replacementDate) : t('numberProfile.sim.neverReplaced')}
        />
        <InfoItem
          label={t('numberProfile.sim.type')}
          value={card.isEsim ? t('numberProfile.sim.types.esim') : t('numberProfile.sim.types.physical')}
        />
        {SECRET_FIELDS.map(({ field, label }) => {
          const visible = secrets && shown.has(field);
          return (
            <InfoItem
              key={field}
              label={label}
              value={
                card.secretsAvailable ? (
                  <Group gap="sm" wrap="nowrap" justify="space-between">
                    {visible ? (
                      <Text component="span" fw={600} ff="monospace" data-secret={field}>
                        {secrets[field]}
                      </Text>
                    ) : (
                      <Text component="span" ff="monospace">
                        <span aria-hidden="true">••••</span>
                        <VisuallyHidden>{t('numberProfile.sim.hidden')}</VisuallyHidden>
                      </Text>
                    )}
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => (visible ? hide(field) : show(field))}
                      loading={revealing === field}
                      aria-label={
                        visible
                          ? t('numberProfile.sim.hideLabel', { code: label })
                          : t('numberProfile.sim.showLabel', { code: label })
                      }
                    >
                      {visible ? t('numberProfile.sim.hide') : t('numberProfile.sim.show')}
                    </Button>
                  </Group>
                ) : (
                  t('numberProfile.sim.secretsUnavailable')
                )
              }
            />
          );
        })}
        <InfoItem label="ICCID" value={card.iccid ?? t('common.notSpecified')} />
        <InfoItem label="IMEI" value={card.imei ?? t('numberProfile.sim.imeiUnknown')} />
      </InfoList>
      {reveal.error && (
        <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
          {reveal.error.message}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('numberProfile.sim.revealNote')}
      </Text>
    </Stack>
  );
}

const CONTRACT_STATUS_KEY = {
  activated: tk('numberProfile.contract.status.activated'),
  completed: tk('numberProfile.contract.status.completed'),
  terminated: tk('numberProfile.contract.status.terminated'),
} as const satisfies Record<ContractPhone['status'], string>;

const DEVICE_LABEL_LENGTH = 22;

/** The manual's selector label: "ТЕЛЕФОН IPHONE 11 BLAC...". */
function shortDeviceName(name: string): string {
  const characters = [...name];
  return characters.length > DEVICE_LABEL_LENGTH ? `${characters.slice(0, DEVICE_LABEL_LENGTH).join('')}...` : name;
}

/** F15: the device instalment contracts; a selector when there are several. */
function ContractPhonePanel({ companyId, msisdn }: { companyId: string; msisdn: string }) {
  const { t } = useTranslation();
  const contracts = useContractPhones(companyId, msisdn);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  if (contracts.isPending) return <SectionSkeleton lines={9} />;
  if (contracts.isError) {
    return (
      <ErrorState
        message={contracts.error.message}
        onRetry={() => void contracts.refetch()}
        retrying={contracts.isFetching}
      />
    );
  }
  const items = contracts.data.items;
  if (items.length === 0) {
    return (
      <SectionEmptyState
        title={t('numberProfile.contract.empty.title')}
        description={t('numberProfile.contract.empty.description')}
        icon={<DocumentIcon size={28} />}
      />
    );
  }
  const contract = items.find((item) => item.id === selectedId) ?? items[0];
  if (!contract) return null;
  const labels = items.map((item) => shortDeviceName(item.deviceName));
  const options = items.map((item, index) => ({
    value: item.id,
    // Two contracts for the same model: tell them apart by the activation date.
    label:
      labels.indexOf(labels[index] ?? '') !== labels.lastIndexOf(labels[index] ?? '')
        ? `${labels[index]} · ${formatDate(item.activatedOn)}`
        : (labels[index] ?? item.deviceName),
  }));

  return (
    <Stack gap="md">
      {items.length > 1 && (
        <Select
          label={t('numberProfile.contract.select')}
          description={t('numberProfile.contract.count', { total: items.length })}
          data={options}
          value={contract.id}
          onChange={(value) => value && setSelectedId(value)}
          allowDeselect={false}
          maw={360}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <ContractDetails contract={contract} />
    </Stack>
  );
}

function ContractDetails({ contract }: { contract: ContractPhone }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <InfoList>
      <InfoItem label={t('numberProfile.contract.statusLabel')} value={t(CONTRACT_STATUS_KEY[contract.status])} />
      <InfoItem label={t('numberProfile.contract.activatedOn')} value={formatDate(contract.activatedOn)} />
      <InfoItem
        label={t('numberProfile.contract.terminatesOn')}
        info={t('numberProfile.contract.terminatesOnInfo')}
        value={formatDate(contract.terminatesOn)}
      />
      <InfoItem
        label={t('numberProfile.contract.term')}
        info={t('numberProfile.contract.termInfo')}
        value={t('numberProfile.contract.termValue', { months: contract.termMonths })}
      />
      <InfoItem
        label={t('numberProfile.contract.monthlyPayment')}
        info={t('numberProfile.contract.monthlyPaymentInfo')}
        value={formatMoney(contract.monthlyPayment, language)}
      />
      <InfoItem label={t('numberProfile.contract.price')} value={formatMoney(contract.price, language)} />
      <InfoItem
        label={t('numberProfile.contract.promotion')}
        value={contract.promotionName ?? t('common.notSpecified')}
      />
      <InfoItem label={t('numberProfile.contract.deviceName')} value={contract.deviceName} />
      <InfoItem label={t('numberProfile.contract.deviceType')} value={contract.deviceType} />
    </InfoList>
  );
}
