import { Badge, Button, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { almatyToday, isValidDate, type Period } from '@portal/calendar';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { ScrollableTable } from '../../../components/ui/scrollable-table';
import { isApiError } from '../../../lib/api/errors';
import { lastMonthPeriod } from '../../../lib/calendar';
import { formatDate, formatDateTime } from '../../../lib/format';
import { type ActionHistoryItem, useActionsHistory, useDownloadActionsHistoryMutation } from '../api/actions-history';
import { DocumentSection } from './document-section';
import { FileSaved } from './file-saved';
import { FormError } from './form-error';
import { PeriodFields } from './period-fields';

export const ACTIONS_HISTORY_SECTION_ID = 'actions-history';

type Field = 'from' | 'to';
const FIELDS: readonly Field[] = ['from', 'to'];

/**
 * F31 "Actions history": a period (the past month to begin with) → the company's administrators' actions, newest first,
 * a page at a time: action, status, date and time, administrator; the whole period can be downloaded as XLSX.
 */
export function ActionsHistorySection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const today = almatyToday();
  const [period, setPeriod] = useState<Period>(() => lastMonthPeriod(today));
  const [asked, setAsked] = useState<Period | null>(null);
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const inputs = { from: useRef<HTMLInputElement>(null), to: useRef<HTMLInputElement>(null) };
  const history = useActionsHistory(companyId, asked);
  const download = useDownloadActionsHistoryMutation(companyId);

  const queryError = history.isError && isApiError(history.error) && !history.data ? history.error : null;
  const serverError = queryError ?? download.error;
  const fieldError = (field: Field) => localErrors[field] ?? serverError?.fieldMessage(field);
  const formError = serverError && !serverError.hasFieldErrors(FIELDS) ? serverError : null;

  const validate = (): boolean => {
    const errors: Partial<Record<Field, string>> = {};
    if (!isValidDate(period.from)) errors.from = t('documents.errors.dateRequired');
    if (!isValidDate(period.to)) errors.to = t('documents.errors.dateRequired');
    else if (isValidDate(period.from) && period.from > period.to) errors.to = t('documents.errors.endBeforeStart');
    setLocalErrors(errors);
    const firstInvalid = FIELDS.find((field) => errors[field]);
    if (firstInvalid) inputs[firstInvalid].current?.focus();
    return !firstInvalid;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    download.reset();
    if (!validate()) {
      setAsked(null);
      return;
    }
    if (asked && asked.from === period.from && asked.to === period.to) void history.refetch();
    else setAsked({ ...period });
  };

  const onDownload = () => {
    if (!validate()) return;
    download.mutate(
      { ...period },
      {
        onError: (error) => {
          const field = FIELDS.find((candidate) => error.fieldMessage(candidate) !== undefined);
          if (field) inputs[field].current?.focus();
        },
      },
    );
  };

  return (
    <DocumentSection
      id={ACTIONS_HISTORY_SECTION_ID}
      title={t('documents.actions.title')}
      intro={t('documents.actions.intro')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <PeriodFields
            value={period}
            onChange={(field, value) => {
              setPeriod((previous) => ({ ...previous, [field]: value }));
              if (localErrors[field]) setLocalErrors((previous) => ({ ...previous, [field]: undefined }));
              if (download.error) download.reset();
              if (queryError) setAsked(null);
            }}
            errors={{ from: fieldError('from'), to: fieldError('to') }}
            max={today}
            fromRef={inputs.from}
            toRef={inputs.to}
          />
          {formError && <FormError message={formError.message} />}
          <Group gap="sm">
            <Button
              type="submit"
              loading={history.isFetching && !history.isFetchingNextPage}
              w={{ base: '100%', xs: 'auto' }}
            >
              {t('documents.form.request')}
            </Button>
            <Button
              variant="default"
              onClick={onDownload}
              loading={download.isPending}
              w={{ base: '100%', xs: 'auto' }}
            >
              {t('documents.actions.export')}
            </Button>
          </Group>
          {download.data && <FileSaved file={download.data} />}
          {asked && !queryError && <ActionsResult companyId={companyId} asked={asked} />}
        </Stack>
      </form>
    </DocumentSection>
  );
}

function ActionsResult({ companyId, asked }: { companyId: string; asked: Period }) {
  const { t } = useTranslation();
  const history = useActionsHistory(companyId, asked);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const shown = history.data?.pages[0]?.period ?? asked;
  const caption = t('documents.actions.caption', { from: formatDate(shown.from), to: formatDate(shown.to) });

  if (history.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <Text size="sm" c="dimmed" role="status">
          {t('common.loading')}
        </Text>
        <Skeleton height={48} />
        <Skeleton height={14} width="60%" />
      </Stack>
    );
  }
  if (items.length === 0) {
    return (
      <Text size="sm" role="status" data-testid="actions-none">
        {t('documents.actions.none', { from: formatDate(shown.from), to: formatDate(shown.to) })}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <ScrollableTable minWidth={640} label={caption}>
        <Table verticalSpacing="xs" horizontalSpacing="xs" striped>
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('documents.actions.columns.action')}</Table.Th>
              <Table.Th scope="col">{t('documents.actions.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('documents.actions.columns.time')}</Table.Th>
              <Table.Th scope="col">{t('documents.actions.columns.administrator')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <ActionRow key={item.id} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollableTable>
      {history.isFetchNextPageError && (
        <ErrorState
          message={history.error?.message ?? t('errors.unexpected')}
          onRetry={() => void history.fetchNextPage()}
          retrying={history.isFetchingNextPage}
        />
      )}
      {history.hasNextPage && (
        <Group>
          <Button variant="light" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            {t('documents.actions.showMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ActionRow({ item }: { item: ActionHistoryItem }) {
  const { t } = useTranslation();
  const success = item.status === 'success';
  return (
    <Table.Tr>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.actionText}</Table.Td>
      <Table.Td>
        <Badge variant="dot" color={success ? 'green' : 'red'} tt="none" fw={600} c="dark.7">
          {success ? t('documents.actions.status.success') : t('documents.actions.status.failure')}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.createdAt)}</Table.Td>
      <Table.Td>{item.administrator ? `${item.administrator.name} ${item.administrator.phone}` : '—'}</Table.Td>
    </Table.Tr>
  );
}
