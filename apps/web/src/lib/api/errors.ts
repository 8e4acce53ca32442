export type FieldError = { field: string; code: string; message?: string };

export type ErrorDetails = {
  fields?: FieldError[];
  retryAfterSeconds?: number;
  attemptsLeft?: number;
  [key: string]: unknown;
};

/** An error answer of the API (`{ error: { code, message, details } }`), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails;

  constructor(status: number, code: string, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The message about one field (from `details.fields`; the error's own message when the entry has none), if any. */
  fieldMessage(field: string): string | undefined {
    const entry = this.details.fields?.find((candidate) => candidate.field === field);
    if (!entry) return undefined;
    return entry.message || this.message;
  }

  /** Whether the form shows this error next to a field instead of as a general message. */
  hasFieldErrors(fields: readonly string[]): boolean {
    return fields.some((field) => this.fieldMessage(field) !== undefined);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Builds an ApiError from an error body; `fallbackMessage` is used when the body isn't the API's error shape. */
export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' && error.message ? error.message : fallbackMessage;
    const details = isRecord(error.details) ? (error.details as ErrorDetails) : {};
    return new ApiError(status, error.code, message, details);
  }
  return new ApiError(status, status === 0 ? 'network_error' : 'unexpected_error', fallbackMessage);
}
