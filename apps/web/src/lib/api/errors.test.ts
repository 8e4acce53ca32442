import { describe, expect, it } from 'vitest';
import { toApiError } from './errors';

describe('toApiError', () => {
  it('reads the API error shape', () => {
    const error = toApiError(
      400,
      {
        error: {
          code: 'validation_failed',
          message: 'Check the fields',
          details: { fields: [{ field: 'phone', code: 'invalid_msisdn', message: 'Enter a Kazakhstani number' }] },
        },
      },
      'fallback',
    );
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Check the fields' });
    expect(error.fieldMessage('phone')).toBe('Enter a Kazakhstani number');
    expect(error.fieldMessage('password')).toBeUndefined();
    expect(error.hasFieldErrors(['phone', 'password'])).toBe(true);
  });

  it("uses the error's message for a field entry without one", () => {
    const error = toApiError(
      400,
      {
        error: {
          code: 'invalid_search',
          message: 'Search by digits',
          details: { fields: [{ field: 'q', code: 'x' }] },
        },
      },
      'fallback',
    );
    expect(error.fieldMessage('q')).toBe('Search by digits');
  });

  it('keeps details such as retryAfterSeconds', () => {
    const error = toApiError(
      429,
      { error: { code: 'otp_resend_too_early', message: 'Wait', details: { retryAfterSeconds: 12 } } },
      'fallback',
    );
    expect(error.details.retryAfterSeconds).toBe(12);
  });

  it('falls back when the body is not the API shape', () => {
    const error = toApiError(502, '<html>Bad gateway</html>', 'Something went wrong');
    expect(error).toMatchObject({ status: 502, code: 'unexpected_error', message: 'Something went wrong' });
    expect(error.details).toEqual({});
  });
});
