import type { Company } from './api/companies';

const STORAGE_KEY = 'companyId';

export function readStoredCompanyId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeCompanyId(companyId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, companyId);
  } catch {
    // ignore
  }
}

/**
 * The company every view is scoped to (F06): the address's `company`, else the one chosen last in this browser, else
 * the first. route-preload.js (vite.config.ts) chooses the same way for the numbers list's early requests.
 */
export function selectedCompany(companies: readonly Company[], fromAddress: string | undefined): Company | null {
  const byId = (id: string | null | undefined) =>
    id ? companies.find((candidate) => String(candidate.id) === id) : undefined;
  return byId(fromAddress) ?? byId(readStoredCompanyId()) ?? companies[0] ?? null;
}
