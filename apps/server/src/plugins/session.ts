import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../lib/crypto.js';
import { AppError } from '../lib/errors.js';
import { type Language, languages, pickLanguage } from '../lib/i18n.js';
import { normalizeMsisdn } from '../lib/identifiers.js';
import type { AuthService } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Loads the session from its cookie and picks the caller's language: an Accept-Language the
 * product supports wins, then the session's choice, then Russian.
 */
export function registerSession(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('language', 'ru');
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await auth.sessionFor(token, companyScopeOf(request)) : null;
    const header = request.headers['accept-language'];
    const fromHeader = header ? pickLanguage(header, 'none' as Language) : ('none' as Language);
    request.language = (languages as readonly string[]).includes(fromHeader)
      ? fromHeader
      : (request.session?.language ?? 'ru');
  });
}

/**
 * The company (and number) a company-scoped route names, read from the routed path before any
 * validation, so the session query can answer the tenancy question too (plugins/company-scope.ts).
 */
export function companyScopeOf(
  request: FastifyRequest,
): { companyId: string; numberRoute: boolean; msisdn: string | null } | undefined {
  const url = request.routeOptions.url ?? '';
  if (!url.includes(':companyId')) return undefined;
  const params = request.params as { companyId?: string; msisdn?: string };
  if (typeof params.companyId !== 'string') return undefined;
  const numberRoute = url.includes(':msisdn');
  // An msisdn that does not normalise is `null`, which no number matches: the gate answers 404.
  return {
    companyId: params.companyId,
    numberRoute,
    msisdn: numberRoute ? normalizeMsisdn(params.msisdn ?? '') : null,
  };
}

/** preHandler: a live session is required; cookie-authenticated writes must carry the CSRF token. */
export async function requireSession(request: FastifyRequest, _reply: FastifyReply) {
  const session = request.session;
  if (!session) throw new AppError('unauthenticated', 401);
  if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) throw new AppError('csrf_failed', 403);
  }
}

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string, csrfToken: string) {
  const secure = request.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'lax', secure });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
