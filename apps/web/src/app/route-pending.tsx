import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RoutePending() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader role="status" aria-label={t('common.loading')} />
    </Center>
  );
}

/**
 * Shown while the translations themselves are loading: there is no text in the reader's language yet, so the page
 * says it is busy (aria-busy) instead of naming the spinner in a language that may not be theirs.
 */
export function BootPending() {
  return (
    <Center h="100vh" aria-busy="true">
      <Loader aria-hidden="true" />
    </Center>
  );
}
