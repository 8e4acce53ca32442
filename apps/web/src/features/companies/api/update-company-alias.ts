import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ApiError } from '../../../lib/api/errors';
import { type Company, companiesQueryOptions } from './companies';

export type UpdateAliasInput = { companyId: string; alias: string | null };

/** F05: the administrator's own short name for a company (null clears it). */
export function updateCompanyAlias({ companyId, alias }: UpdateAliasInput): Promise<Company> {
  return unwrap(api.PATCH('/api/v1/companies/{companyId}', { params: { path: { companyId } }, body: { alias } }));
}

export function useUpdateCompanyAliasMutation() {
  const queryClient = useQueryClient();
  return useMutation<Company, ApiError, UpdateAliasInput>({
    mutationFn: updateCompanyAlias,
    // The header's company switcher reads the same cache: it shows the new name at once.
    onSuccess: (company) => {
      const { queryKey } = companiesQueryOptions();
      queryClient.setQueryData(queryKey, (previous) =>
        previous
          ? { ...previous, items: previous.items.map((item) => (item.id === company.id ? company : item)) }
          : previous,
      );
    },
  });
}
