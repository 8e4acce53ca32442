import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ui/error-state';
import { HowToLink } from '../components/ui/how-to-link';
import { MenuIcon, SearchIcon } from '../components/ui/icons';
import { SectionEmptyState } from '../components/ui/section-empty-state';
import { companyDisplayName } from '../features/companies/api/companies';
import { useSelectedCompany } from '../features/companies/components/selected-company';
import {
  NUMBER_STATUSES,
  type NumberListItem,
  type NumberStatus,
  numbersQueryOptions,
} from '../features/numbers/api/numbers-list';
import { useCompanyTariffs } from '../features/numbers/api/tariffs';
import { NumbersTable } from '../features/numbers/components/numbers-table';
import { STATUS_LABEL_KEY } from '../features/numbers/components/status-badge';

const ALL = 'all';
const LOADING_VIEW = { items: [] as NumberListItem[], loading: true };
const SEARCH_DEBOUNCE_MS = 300;

/** F10: the company's numbers: search, status and tariff filters, table with cursor pagination, row menus. */
export function NumbersPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();

  if (!company) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('numbers.title')}</Title>
        <SectionEmptyState
          title={t('numbers.noCompanies.title')}
          description={t('numbers.noCompanies.description')}
          icon={<MenuIcon size={28} />}
        />
      </Stack>
    );
  }
  return <NumbersList companyId={String(company.id)} companyName={companyDisplayName(company)} />;
}

function NumbersList({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search: { q?: string; status?: NumberStatus; tariff?: string } = useSearch({ strict: false });
  const tariffs = useCompanyTariffs(companyId);
  const [text, setText] = useState(search.q ?? '');
  const [debouncedText] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    if (debouncedText === (search.q ?? '')) return;
    void navigate({
      to: '/numbers',
      search: (previous: Record<string, unknown>) => ({ ...previous, q: debouncedText || undefined }),
      replace: true,
    } as never);
  }, [debouncedText, search.q, navigate]);

  const filter = { q: search.q, status: search.status, tariff: search.tariff };
  const numbers = useInfiniteQuery({ ...numbersQueryOptions(companyId, filter), placeholderData: keepPreviousData });
  const latest = useMemo(
    () => ({ items: numbers.data?.pages.flatMap((page) => page.items) ?? [], loading: numbers.isPending }),
    [numbers.data, numbers.isPending],
  );
  // The rows are rendered in the background, in slices the browser interleaves with input and painting (a page of
  // rows in one go was a long task: Lighthouse's total blocking time). Until then the previous view stays: the
  // skeleton, or the rows before the filter changed, dimmed. The count and "Show more" below change with the rows.
  const shown = useDeferredValue(latest, LOADING_VIEW);
  const { items, loading: initialLoading } = shown;
  const stale = numbers.isPlaceholderData || (shown !== latest && !shown.loading);
  // A search the server refuses (e.g. letters) is shown under the search box, not as a failed page.
  const searchError =
    numbers.error?.fieldMessage('q') ?? numbers.error?.fieldMessage('status') ?? numbers.error?.fieldMessage('tariff');
  const setFilter = (change: { status?: string; tariff?: string }) =>
    void navigate({
      to: '/numbers',
      search: (previous: Record<string, unknown>) => ({ ...previous, ...change }),
      replace: true,
    } as never);
  // A tariff from the URL that the company doesn't have (any more) is still shown, by its code.
  const tariffOptions = tariffs.data?.items.map((tariff) => ({ value: tariff.code, label: tariff.name })) ?? [];
  if (search.tariff && !tariffOptions.some((option) => option.value === search.tariff)) {
    tariffOptions.push({ value: search.tariff, label: search.tariff });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Title order={1}>{t('numbers.title')}</Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('numbers.subtitle', { company: companyName })}
          </Text>
        </div>
        <HowToLink label={t('howTo.numbers')} faq="several-companies" />
      </Group>

      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <TextInput
          type="search"
          label={t('numbers.search.label')}
          placeholder={t('numbers.search.placeholder')}
          leftSection={<SearchIcon />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={searchError}
          style={{ flex: '1 1 280px' }}
          maw={480}
        />
        <Select
          label={t('numbers.filter.label')}
          data={[
            { value: ALL, label: t('numbers.filter.all') },
            ...NUMBER_STATUSES.map((status) => ({ value: status, label: t(STATUS_LABEL_KEY[status]) })),
          ]}
          value={search.status ?? ALL}
          onChange={(value) => setFilter({ status: value && value !== ALL ? value : undefined })}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('numbers.tariffFilter.label')}
          data={[{ value: ALL, label: t('numbers.tariffFilter.all') }, ...tariffOptions]}
          value={search.tariff ?? ALL}
          onChange={(value) => setFilter({ tariff: value && value !== ALL ? value : undefined })}
          allowDeselect={false}
          searchable={tariffOptions.length > 7}
          w={{ base: '100%', xs: 280 }}
          // The whole list, opening downwards, with the page scrolling: an inner scroll area inside the listbox can't
          // be reached with the keyboard (axe scrollable-region-focusable) and a tab stop in it isn't an option.
          withScrollArea={false}
          comboboxProps={{ withinPortal: true, middlewares: { flip: false, shift: true } }}
        />
      </Group>

      {searchError ? null : numbers.isError && !numbers.data ? (
        <ErrorState
          message={numbers.error.message}
          onRetry={() => void numbers.refetch()}
          retrying={numbers.isFetching}
        />
      ) : !initialLoading && items.length === 0 ? (
        <SectionEmptyState
          title={t('numbers.empty.title')}
          description={t('numbers.empty.description')}
          icon={<SearchIcon size={28} />}
        />
      ) : (
        <>
          <NumbersTable
            companyId={companyId}
            caption={t('numbers.caption', { company: companyName })}
            items={items}
            loading={initialLoading}
            stale={stale}
          />
          {numbers.isFetchNextPageError && (
            <ErrorState
              message={numbers.error?.message ?? t('errors.unexpected')}
              onRetry={() => void numbers.fetchNextPage()}
              retrying={numbers.isFetchingNextPage}
            />
          )}
          {!initialLoading && (
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" c="dimmed" role="status">
                {t('numbers.shown', { shown: items.length })}
              </Text>
              {numbers.hasNextPage && (
                <Button
                  variant="light"
                  onClick={() => void numbers.fetchNextPage()}
                  loading={numbers.isFetchingNextPage}
                >
                  {t('numbers.showMore')}
                </Button>
              )}
            </Group>
          )}
        </>
      )}

      {/* With the rows, not before: under the skeleton it would be pushed down when they arrive (a layout shift). */}
      {!initialLoading && (
        <Text size="sm" c="dimmed">
          {t('numbers.note')}
        </Text>
      )}
    </Stack>
  );
}
