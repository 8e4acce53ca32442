import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Company } from './api/companies';
import { selectedCompany } from './selection';

/** F06: the company every view is scoped to — the router puts it in the address before the first render. */
describe('selectedCompany', () => {
  const companies = [{ id: 'a' }, { id: 'b' }, { id: 'c' }] as unknown as Company[];
  const stored = (id: string | null) => vi.stubGlobal('localStorage', { getItem: () => id });
  afterEach(() => vi.unstubAllGlobals());

  it('takes the company in the address first', () => {
    stored('c');
    expect(selectedCompany(companies, 'b')?.id).toBe('b');
  });

  it('else the one chosen last in this browser, else the first', () => {
    stored('c');
    expect(selectedCompany(companies, undefined)?.id).toBe('c');
    expect(selectedCompany(companies, 'gone')?.id).toBe('c');
    stored('gone');
    expect(selectedCompany(companies, undefined)?.id).toBe('a');
  });

  it('works without storage, and is null when the administrator manages no company', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('storage disabled');
      },
    });
    expect(selectedCompany(companies, undefined)?.id).toBe('a');
    expect(selectedCompany([], 'a')).toBeNull();
  });
});
