import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { setLanguage } from '../../lib/i18n';
import type { Language } from '../../lib/languages';
import { meQueryKey } from './api/me';
import { updateLanguage } from './api/update-language';

/**
 * Switches the interface language (stored in this browser and sent as Accept-Language from now on); when logged in,
 * also stores it on the server so that SMS, e-mails and documents follow it. Server texts are fetched again.
 */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return useCallback(
    async (language: Language) => {
      await setLanguage(language);
      if (queryClient.getQueryData(meQueryKey)) {
        try {
          queryClient.setQueryData(meQueryKey, await updateLanguage(language));
        } catch {
          // The interface language has changed anyway; the server keeps the previous one.
        }
      }
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    },
    [queryClient],
  );
}
