import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminASession, baseUrl, launch, newPage, type SessionState } from './browser';

/**
 * Issue 8 (speed): the numbers list opened directly starts its first GETs from route-preload.js, before the app's
 * code has arrived (vite.config.ts), and the app takes those responses instead of asking again (lib/api/client.ts).
 */
let browser: Browser;
let state: SessionState;
beforeAll(async () => {
  browser = await launch();
  state = await adminASession(browser);
});
afterAll(async () => browser?.close());

/** Opens `path` and returns the API GETs the page sent (path and query), once its rows are on screen. */
async function openAndRecord(page: Page, path: string): Promise<string[]> {
  const sent: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname.startsWith('/api/')) sent.push(url.pathname + url.search);
  });
  await page.goto(`${baseUrl()}${path}`);
  await page.getByRole('table').getByRole('link').first().waitFor();
  return sent;
}

/** What route-preload.js started, and whether the app has taken each (a taken one is left undefined). */
function earlyGets(page: Page): Promise<{ key: string; taken: boolean }[]> {
  return page.evaluate(() => {
    const early = (window as { __earlyGets?: { responses: Record<string, unknown> } }).__earlyGets;
    return Object.entries(early?.responses ?? {}).map(([key, response]) => ({ key, taken: !response }));
  });
}

const count = (list: string[], item: string) => list.filter((entry) => entry === item).length;

describe('issue 8: the numbers list’s first GETs start before the app’s code', () => {
  it('asks for the session, the companies, the first page and the tariffs once each, and the app uses those answers', async () => {
    const page = await newPage(browser, state);
    try {
      const sent = await openAndRecord(page, '/numbers');
      const company = new URL(page.url()).searchParams.get('company');
      expect(company).toBeTruthy();
      const first = [
        '/api/v1/me',
        '/api/v1/companies',
        `/api/v1/companies/${company}/numbers?limit=50`,
        `/api/v1/companies/${company}/tariffs`,
      ];
      for (const get of first) expect(count(sent, get), `${get} in ${sent.join(', ')}`).toBe(1);
      expect(await earlyGets(page)).toEqual(first.map((key) => ({ key, taken: true })));
    } finally {
      await page.context().close();
    }
  });

  it('follows the company in the address, as the app does', async () => {
    const page = await newPage(browser, state);
    try {
      await openAndRecord(page, '/numbers');
      const companies = await page.evaluate(async () => {
        const response = await fetch('/api/v1/companies', { headers: { Accept: 'application/json' } });
        return ((await response.json()) as { items: { id: string }[] }).items.map((item) => String(item.id));
      });
      const other = companies.find((id) => id !== new URL(page.url()).searchParams.get('company'));
      expect(other).toBeTruthy();
      const sent = await openAndRecord(page, `/numbers?company=${other}`);
      expect(count(sent, `/api/v1/companies/${other}/numbers?limit=50`)).toBe(1);
      expect((await earlyGets(page)).filter((get) => !get.taken)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('leaves a filtered list to the app: the early script does not guess its query', async () => {
    const page = await newPage(browser, state);
    try {
      const sent = await openAndRecord(page, '/numbers?status=active');
      const company = new URL(page.url()).searchParams.get('company');
      expect(count(sent, `/api/v1/companies/${company}/numbers?status=active&limit=50`)).toBe(1);
      expect(count(sent, `/api/v1/companies/${company}/numbers?limit=50`)).toBe(0);
      expect((await earlyGets(page)).map((get) => get.key)).toEqual(['/api/v1/me', '/api/v1/companies']);
    } finally {
      await page.context().close();
    }
  });
});
