import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeEarlyGet } from './client';

/** Issue 8: the app takes a GET route-preload.js started (vite.config.ts) once, fresh, in its language only. */
describe('takeEarlyGet', () => {
  const ORIGIN = 'http://portal.test';
  let early: Promise<Response>;

  beforeEach(() => {
    early = Promise.resolve(new Response('{}'));
    vi.stubGlobal('window', {
      location: { href: `${ORIGIN}/numbers`, origin: ORIGIN },
      __earlyGets: { language: 'ru', at: Date.now(), responses: { '/api/v1/companies': early } },
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const get = (path: string, language = 'ru', method = 'GET') =>
    new Request(`${ORIGIN}${path}`, { method, headers: { 'Accept-Language': language } });

  it('answers the same GET with the early response, once', () => {
    expect(takeEarlyGet(get('/api/v1/companies'))).toBe(early);
    expect(takeEarlyGet(get('/api/v1/companies'))).toBeUndefined();
  });

  it('leaves other paths, queries and methods to the network', () => {
    expect(takeEarlyGet(get('/api/v1/me'))).toBeUndefined();
    expect(takeEarlyGet(get('/api/v1/companies?limit=5'))).toBeUndefined();
    expect(takeEarlyGet(get('/api/v1/companies', 'ru', 'POST'))).toBeUndefined();
    expect(takeEarlyGet(get('/api/v1/companies'))).toBe(early);
  });

  it('does not use an answer in another language, nor keep it for later', () => {
    expect(takeEarlyGet(get('/api/v1/companies', 'kk'))).toBeUndefined();
    expect(takeEarlyGet(get('/api/v1/companies'))).toBeUndefined();
  });

  it('does not use an answer once the boot is long over', () => {
    vi.useFakeTimers({ now: Date.now() + 60_000 });
    expect(takeEarlyGet(get('/api/v1/companies'))).toBeUndefined();
  });

  it('does nothing when the page started nothing', () => {
    vi.stubGlobal('window', { location: { href: `${ORIGIN}/login`, origin: ORIGIN } });
    expect(takeEarlyGet(get('/api/v1/companies'))).toBeUndefined();
  });
});
