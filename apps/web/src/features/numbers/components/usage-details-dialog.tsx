import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { almatyToday } from '@portal/calendar';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, DocumentIcon } from '../../../components/ui/icons';
import { ScrollableTable } from '../../../components/ui/scrollable-table';
import { SectionEmptyState } from '../../../components/ui/section-empty-state';
import type { ApiError } from '../../../lib/api/errors';
import { formatDate, formatDateTime, formatDecimal, formatMoney, formatMsisdn } from '../../../lib/format';
import { currentLanguage, tk } from '../../../lib/i18n';
import type { Language } from '../../../lib/languages';
import { useMe } from '../../profile/api/me';
import { useRequest } from '../../requests/api/requests';
import { RequestProgress } from '../../requests/components/request-progress';
import {
  defaultUsagePeriod,
  type UsagePage,
  type UsagePeriod,
  type UsageRecord,
  useOrderUsageFileMutation,
  useUsagePages,
} from '../api/usage-details';
import type { NumberActionDialogProps } from './number-actions';

/**
 * F19 "Usage details" (the number's action menu): a period (the last month unless changed) and the output. On screen:
 * the calls, SMS and data sessions of the period with its totals, page after page; as a file or by e-mail: the
 * request is accepted and followed until the file is ready (then downloadable) or sent.
 */
export function UsageDetailsDialog({ companyId, msisdn, opened, onClose }: NumberActionDialogProps) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('usageDetails.title')}
      centered
      size="xl"
      fullScreen={narrow}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <UsageDetailsContent companyId={companyId} msisdn={msisdn} onClose={onClose} />
    </Modal>
  );
}

type Output = 'screen' | 'xlsx' | 'email';

const OUTPUTS: readonly { value: Output; labelKey: string }[] = [
  { value: 'screen', labelKey: tk('usageDetails.outputs.screen') },
  { value: 'xlsx', labelKey: tk('usageDetails.outputs.file') },
  { value: 'email', labelKey: tk('usageDetails.outputs.email') },
];

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Accepted = { requestId: string; output: 'xlsx' | 'email'; email: string | null };

function UsageDetailsContent({ companyId, msisdn, onClose }: Omit<NumberActionDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const me = useMe();
  const [initial] = useState(() => defaultUsagePeriod());
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [output, setOutput] = useState<Output>('screen');
  // The administrator's own address until the field is changed.
  const [email, setEmail] = useState<string | null>(null);
  const emailValue = email ?? me.data?.email ?? '';
  const [localErrors, setLocalErrors] = useState<Partial<Record<'from' | 'to' | 'email', string>>>({});
  const [shown, setShown] = useState<{ period: UsagePeriod; run: number } | null>(null);
  const [accepted, setAccepted] = useState<Accepted | null>(null);

  const pages = useUsagePages(companyId, msisdn, shown?.period ?? null, shown?.run ?? 0);
  const order = useOrderUsageFileMutation(companyId, msisdn);
  // The answer of the last submission: the screen's first page or the file order.
  const screenError = shown && !pages.isFetchNextPageError ? pages.error : null;
  const error: ApiError | null = output === 'screen' ? screenError : order.error;
  const fieldError = (field: 'from' | 'to' | 'email') => localErrors[field] ?? error?.fieldMessage(field);
  const generalError = error && !error.hasFieldErrors(['from', 'to', 'email']) ? error.message : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof localErrors = {};
    if (!from) errors.from = t('usageDetails.dateRequired');
    if (!to) errors.to = t('usageDetails.dateRequired');
    if (output === 'email' && !EMAIL_SHAPE.test(emailValue.trim())) errors.email = t('usageDetails.emailInvalid');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    order.reset();
    if (output === 'screen') {
      setShown((previous) => ({ period: { from, to }, run: (previous?.run ?? 0) + 1 }));
      return;
    }
    setShown(null);
    const address = output === 'email' ? emailValue.trim() : undefined;
    order.mutate(
      { from, to, output, ...(address ? { email: address } : {}) },
      {
        onSuccess: (request) => setAccepted({ requestId: request.id, output, email: address ?? null }),
      },
    );
  };

  if (accepted) {
    return (
      <AcceptedReport
        companyId={companyId}
        accepted={accepted}
        onAgain={() => {
          order.reset();
          setAccepted(null);
        }}
        onClose={onClose}
      />
    );
  }

  const firstPageLoading = shown !== null && pages.isPending && pages.fetchStatus !== 'idle';
  const clearLocal = (field: 'from' | 'to' | 'email') =>
    setLocalErrors((errors) => (errors[field] ? { ...errors, [field]: undefined } : errors));

  return (
    <Stack gap="md">
      <form onSubmit={onSubmit} noValidate aria-label={t('usageDetails.formLabel')}>
        <Stack gap="md">
          <Text size="sm">{t('usageDetails.number', { number: formatMsisdn(msisdn) })}</Text>
          <Fieldset legend={t('usageDetails.periodLegend')} variant="unstyled" miw={0}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput
                type="date"
                label={t('usageDetails.from')}
                value={from}
                max={almatyToday()}
                onChange={(event) => {
                  setFrom(event.currentTarget.value);
                  clearLocal('from');
                }}
                required
                error={fieldError('from')}
                data-autofocus
              />
              <TextInput
                type="date"
                label={t('usageDetails.to')}
                value={to}
                max={almatyToday()}
                onChange={(event) => {
                  setTo(event.currentTarget.value);
                  clearLocal('to');
                }}
                required
                error={fieldError('to')}
              />
            </SimpleGrid>
          </Fieldset>
          <Radio.Group
            label={t('usageDetails.output')}
            value={output}
            onChange={(value) => {
              setOutput(value as Output);
              clearLocal('email');
            }}
          >
            <Group gap="lg" mt="xs">
              {OUTPUTS.map((item) => (
                <Radio key={item.value} value={item.value} label={t(item.labelKey)} />
              ))}
            </Group>
          </Radio.Group>
          {output === 'email' && (
            <TextInput
              type="email"
              label={t('usageDetails.email')}
              description={t('usageDetails.emailHint')}
              value={emailValue}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                clearLocal('email');
              }}
              autoComplete="email"
              maxLength={254}
              required
              error={fieldError('email')}
            />
          )}
          {generalError && (
            <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
              {generalError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button type="submit" loading={firstPageLoading || order.isPending}>
              {output === 'screen' ? t('usageDetails.show') : t('usageDetails.request')}
            </Button>
          </Group>
        </Stack>
      </form>
      {shown && !screenError && (
        <UsageResults
          msisdn={msisdn}
          loading={firstPageLoading}
          data={pages.data?.pages ?? []}
          hasMore={pages.hasNextPage}
          loadingMore={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
          moreError={pages.isFetchNextPageError ? pages.error : null}
        />
      )}
    </Stack>
  );
}

type UsageResultsProps = {
  msisdn: string;
  loading: boolean;
  data: UsagePage[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  moreError: ApiError | null;
};

function UsageResults({ msisdn, loading, data, hasMore, loadingMore, onMore, moreError }: UsageResultsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const first = data[0];
  if (!first) {
    return loading ? (
      <Text size="sm" role="status" c="dimmed">
        {t('common.loading')}
      </Text>
    ) : null;
  }
  const items = data.flatMap((page) => page.items);
  const caption = t('usageDetails.caption', { number: formatMsisdn(msisdn) });

  return (
    <Stack gap="sm" aria-busy={loading || undefined}>
      <Stack gap={4} role="status" aria-label={t('usageDetails.totalsLabel')}>
        <Text size="sm" fw={600}>
          {t('usageDetails.period', { from: formatDate(first.period.from), to: formatDate(first.period.to) })}
        </Text>
        <Group gap="lg" wrap="wrap">
          <Text size="sm" data-testid="usage-total-records">
            {t('usageDetails.totalRecords', { records: first.totals.records })}
          </Text>
          <Text size="sm" data-testid="usage-total-cost">
            {t('usageDetails.totalCost', { cost: formatMoney(first.totals.cost, language) })}
          </Text>
        </Group>
      </Stack>
      {first.totals.records === 0 ? (
        <SectionEmptyState
          title={t('usageDetails.empty.title')}
          description={t('usageDetails.empty.description')}
          icon={<DocumentIcon />}
        />
      ) : (
        <>
          <ScrollableTable minWidth={640} label={caption}>
            <Table verticalSpacing="xs" horizontalSpacing="sm" striped>
              <VisuallyHidden component="caption">{caption}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('usageDetails.columns.date')}</Table.Th>
                  <Table.Th scope="col">{t('usageDetails.columns.type')}</Table.Th>
                  <Table.Th scope="col">{t('usageDetails.columns.otherParty')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('usageDetails.columns.amount')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('usageDetails.columns.cost')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item, index) => (
                  // Records have no id of their own; the order of a period is fixed (oldest first).
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended, never reordered.
                  <Table.Tr key={index}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.occurredAt)}</Table.Td>
                    <Table.Td>{t(typeKey(item))}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{otherParty(item, t)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {amountOf(item, language, t)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(item.cost, language)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('usageDetails.shown', { shown: items.length, total: first.totals.records })}
            </Text>
            {hasMore && (
              <Button variant="light" onClick={onMore} loading={loadingMore}>
                {t('usageDetails.loadMore')}
              </Button>
            )}
          </Group>
          {moreError && (
            <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
              {moreError.message}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}

type Translate = TFunction;

const TYPE_KEYS = {
  call: { outgoing: tk('usageDetails.types.callOutgoing'), incoming: tk('usageDetails.types.callIncoming') },
  sms: { outgoing: tk('usageDetails.types.smsOutgoing'), incoming: tk('usageDetails.types.smsIncoming') },
  data: { outgoing: tk('usageDetails.types.data'), incoming: tk('usageDetails.types.data') },
} as const;

function typeKey(item: UsageRecord): string {
  return TYPE_KEYS[item.type][item.direction];
}

/** A number as the app writes numbers; the access point of a data session as it came. */
function otherParty(item: UsageRecord, t: Translate): string {
  if (!item.otherParty) return t('usageDetails.none');
  return /^7\d{10}$/.test(item.otherParty) ? formatMsisdn(item.otherParty) : item.otherParty;
}

/** Duration of a call (`3 min 05 s`), volume of a data session in MB (two decimals), nothing for an SMS. */
function amountOf(item: UsageRecord, language: Language, t: Translate): string {
  if (item.durationSeconds !== null) {
    const minutes = Math.floor(item.durationSeconds / 60);
    const seconds = String(item.durationSeconds % 60).padStart(2, '0');
    return t('usageDetails.duration', { minutes, seconds });
  }
  if (item.volumeKb !== null) {
    const hundredths = Math.round((item.volumeKb * 100) / 1024);
    const mb = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
    return t('usageDetails.volume', { value: formatDecimal(mb, language) ?? mb });
  }
  return t('usageDetails.none');
}

type AcceptedReportProps = {
  companyId: string;
  accepted: Accepted;
  onAgain: () => void;
  onClose: () => void;
};

/** "Your request to submit a report has been accepted.", then the request until the file is ready or sent. */
function AcceptedReport({ companyId, accepted, onAgain, onClose }: AcceptedReportProps) {
  const { t } = useTranslation();
  const request = useRequest(companyId, accepted.requestId);
  const file = request.data?.status === 'succeeded' ? request.data.file : null;
  // The form (and its focused button) is gone: the focus moves to the message, for keyboards and screen readers.
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="md">
      <Text fw={600} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {t('usageDetails.accepted')}
      </Text>
      <Text size="sm">
        {accepted.output === 'email' && accepted.email
          ? t('usageDetails.emailTo', { email: accepted.email })
          : t('usageDetails.fileHint')}
      </Text>
      <RequestProgress companyId={companyId} requestId={accepted.requestId} />
      <Group justify="flex-end" gap="sm" wrap="wrap">
        <Button variant="default" onClick={onAgain}>
          {t('usageDetails.again')}
        </Button>
        {file && accepted.output === 'xlsx' && (
          <Button component="a" href={file.url} download={file.name}>
            {t('usageDetails.download')}
          </Button>
        )}
        <Button variant={file && accepted.output === 'xlsx' ? 'default' : 'filled'} onClick={onClose}>
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}
