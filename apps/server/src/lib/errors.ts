import type { TextKey } from './i18n.js';

export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

/**
 * The one application error. `code` is stable and documented; it is also the key of the
 * translated message (lib/i18n.ts). `params` fill the message; `details` go to the client.
 */
export class AppError extends Error {
  constructor(
    public readonly code: TextKey,
    public readonly httpStatus: number,
    public readonly details: Record<string, unknown> = {},
    public readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError('not_found', 404);
