import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import type { Language } from '../../../lib/languages';

export type FaqItem = components['schemas']['FaqItem'];

export function fetchFaq() {
  return unwrap(api.GET('/api/v1/faq'));
}

/** F50: the questions and answers in the interface language (sent as Accept-Language). No session needed. */
export function faqQueryOptions(language: Language) {
  return queryOptions({ queryKey: ['faq', language], queryFn: fetchFaq, staleTime: 10 * 60_000 });
}

export function useFaq(language: Language) {
  return useQuery(faqQueryOptions(language));
}
