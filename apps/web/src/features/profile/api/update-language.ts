import { api, unwrap } from '../../../lib/api/client';
import type { Language } from '../../../lib/languages';

/** Stores the administrator's language on the server (SMS, e-mails and documents follow it). */
export function updateLanguage(language: Language) {
  return unwrap(api.PATCH('/api/v1/me', { body: { language } }));
}
