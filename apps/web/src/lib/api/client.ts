import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage, i18n } from '../i18n';
import { readCookie } from './cookies';
import { ApiError, toApiError } from './errors';
import type { paths } from './schema';

export const API_PREFIX = '/api/v1';
const AUTH_PREFIX = `${API_PREFIX}/auth/`;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let onUnauthorized: (() => void) | undefined;

/** The app decides what "go to the login page" means (the router); set once at start-up. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const middleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    if (!SAFE_METHODS.has(request.method.toUpperCase())) {
      const csrf = readCookie('csrf_token');
      if (csrf) request.headers.set('X-CSRF-Token', csrf);
    }
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url, window.location.href).pathname.startsWith(AUTH_PREFIX)) {
      onUnauthorized?.();
    }
    return response;
  },
};

declare global {
  interface Window {
    /** GETs route-preload.js (vite.config.ts) started on the numbers list, before the app's code had arrived. */
    __earlyGets?: { language: string; at: number; responses: Record<string, Promise<Response> | undefined> };
  }
}

/** How long after the page started an early GET may stand in for the app's own: the first screen's boot. */
const EARLY_GET_MAX_AGE_MS = 15_000;

/**
 * The response route-preload.js already asked for with this GET (same path and query, same language), once, while
 * the page boots; undefined otherwise, and the app asks itself.
 */
export function takeEarlyGet(request: Request): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__earlyGets;
  if (!early || request.method.toUpperCase() !== 'GET') return undefined;
  const url = new URL(request.url, window.location.href);
  if (url.origin !== window.location.origin) return undefined;
  const key = url.pathname + url.search;
  const response = early.responses[key];
  if (!response) return undefined;
  early.responses[key] = undefined;
  const fresh = Date.now() - early.at < EARLY_GET_MAX_AGE_MS;
  return fresh && request.headers.get('Accept-Language') === early.language ? response : undefined;
}

export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  fetch: (request) => takeEarlyGet(request) ?? fetch(request),
});
api.use(middleware);

type Result<D> = { data?: D; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the server's translated message.
 * Network failures become ApiError(status 0, 'network_error').
 */
export async function unwrap<D>(call: Promise<Result<D>>): Promise<D> {
  let result: Result<D>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.response.status, result.error, i18n.t('errors.unexpected'));
  }
  return result.data as D;
}
