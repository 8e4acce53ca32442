import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../lib/errors.js';
import { isTextKey, type Language, t } from '../lib/i18n.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Turns zod issues into field errors, each with a translated message naming what is wrong. */
function fieldErrors(issues: ZodIssueLike[], context: string | undefined, lang: Language): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys') {
      for (const key of (issue.params.keys as string[]) ?? []) {
        const field = base ? `${base}.${key}` : key;
        out.push({ field, code: 'field_unknown', message: t('field_unknown', lang) });
      }
      continue;
    }
    let code: string;
    if (isTextKey(issue.message)) code = issue.message;
    else if (issue.keyword === 'invalid_type' && issue.params.input === undefined) code = 'field_required';
    else if (issue.keyword === 'invalid_type' && /received undefined/.test(issue.message)) code = 'field_required';
    else if (issue.keyword === 'too_small') code = 'field_too_short';
    else if (issue.keyword === 'too_big') code = 'field_too_long';
    else code = 'field_invalid';
    const field = base || (context === 'body' ? 'body' : (context ?? 'request'));
    out.push({ field, code, message: isTextKey(code) ? t(code, lang) : issue.message });
  }
  return out;
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: Record<string, unknown>,
) {
  const body: ErrorBody = { error: { code, message, ...(details && Object.keys(details).length ? { details } : {}) } };
  return reply.status(status).type('application/json').send(body);
}

export interface ErrorHandlerOptions {
  /** When it says a missing route is a page, the single-page app's index.html answers it. */
  isPage?: (request: FastifyRequest) => boolean;
}

export function registerErrorHandler(app: FastifyInstance, options: ErrorHandlerOptions = {}) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = request.language ?? 'ru';
    if (error instanceof AppError) {
      // Field errors carry their own translated message, like validation errors do.
      const fields = error.details.fields as FieldError[] | undefined;
      if (fields) {
        for (const f of fields) if (!f.message && isTextKey(f.code)) f.message = t(f.code, lang, error.params);
      }
      if (error.httpStatus === 429 && typeof error.params.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(error.params.retryAfterSeconds));
      }
      return sendError(reply, error.httpStatus, error.code, t(error.code, lang, error.params), error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldErrors(error.validation as unknown as ZodIssueLike[], error.validationContext, lang);
      return sendError(
        reply,
        400,
        'validation_failed',
        t('validation_failed', lang, { fields: fields.map((f) => f.field).join(', ') }),
        { fields },
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, 415, 'unsupported_media_type', t('unsupported_media_type', lang));
    }
    if (
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' ||
      (error.statusCode === 400 && error instanceof SyntaxError)
    ) {
      return sendError(reply, 400, 'invalid_json', t('invalid_json', lang), {
        fields: [{ field: 'body', code: 'invalid_json', message: t('invalid_json', lang) }],
      });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 413, 'field_too_long', t('field_too_long', lang), {
        fields: [{ field: 'body', code: 'field_too_long' }],
      });
    }
    if (error.statusCode === 429) {
      return sendError(reply, 429, 'too_many_requests', t('too_many_requests', lang, { retryAfterSeconds: 60 }));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      return sendError(reply, error.statusCode, 'field_invalid', t('field_invalid', lang));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'internal_error', t('internal_error', lang));
  });

  app.setNotFoundHandler((request, reply) => {
    if (options.isPage?.(request)) return reply.type('text/html').sendFile('index.html');
    const lang = request.language ?? 'ru';
    return sendError(reply, 404, 'not_found', t('not_found', lang));
  });
}
