import { Center, Loader } from '@mantine/core';
import { useLocation, useNavigate, useSearch } from '@tanstack/react-router';
import { createContext, type ReactNode, useCallback, useContext, useDeferredValue, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { type Company, useCompanies } from '../api/companies';
import { selectedCompany, storeCompanyId } from '../selection';

type SelectedCompanyValue = {
  /** The company every view is scoped to; null when the administrator manages none. */
  company: Company | null;
  companies: Company[];
  selectCompany: (companyId: string) => void;
  query: ReturnType<typeof useCompanies>;
};

const SelectedCompanyContext = createContext<SelectedCompanyValue | null>(null);

/**
 * Resolves the selected company (selection.ts) and keeps the URL and localStorage in step with it. On the first load
 * the router has already put it in the URL (router.tsx), so this effect does not navigate again then.
 */
export function SelectedCompanyProvider({ children }: { children: ReactNode }) {
  const companiesQuery = useCompanies();
  const search: { company?: string } = useSearch({ strict: false });
  const navigate = useNavigate();
  const pathname = useLocation({ select: (location) => location.pathname });

  const companies = companiesQuery.data?.items ?? [];
  const company = selectedCompany(companies, search.company);
  const companyId = company ? String(company.id) : undefined;

  useEffect(() => {
    if (!companyId) return;
    storeCompanyId(companyId);
    if (search.company !== companyId) {
      void navigate({
        to: '.',
        search: (previous: Record<string, unknown>) => ({ ...previous, company: companyId }),
        replace: true,
      } as never);
    }
  }, [companyId, search.company, navigate]);

  const selectCompany = useCallback(
    (nextId: string) => {
      storeCompanyId(nextId);
      // A number profile belongs to one company: go back to the list of the new one.
      if (pathname.startsWith('/numbers/')) {
        void navigate({ to: '/numbers', search: { company: nextId } });
      } else {
        void navigate({
          to: '.',
          search: (previous: Record<string, unknown>) => ({ ...previous, company: nextId }),
        } as never);
      }
    },
    [navigate, pathname],
  );

  const value = useMemo(
    () => ({ company, companies, selectCompany, query: companiesQuery }),
    [company, companies, selectCompany, companiesQuery],
  );

  return <SelectedCompanyContext.Provider value={value}>{children}</SelectedCompanyContext.Provider>;
}

/** Renders its children once the companies are known; a loader or an error with retry before that. */
export function CompanyGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { query } = useSelectedCompany();
  // The page behind the gate first appears in a deferred render, which React time-slices: the companies arrive
  // through the query's store, whose updates render synchronously, and rendering the whole page there was one long
  // task (≈110 ms in Chromium's profile of the numbers list).
  const revealing = useDeferredValue(query.isPending);
  if (query.isPending || revealing) {
    return (
      <Center py="xl">
        <Loader role="status" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <ErrorState message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    );
  }
  return children;
}

export function useSelectedCompany(): SelectedCompanyValue {
  const value = useContext(SelectedCompanyContext);
  if (!value) throw new Error('useSelectedCompany outside SelectedCompanyProvider');
  return value;
}
