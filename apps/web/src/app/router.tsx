import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  retainSearchParams,
} from '@tanstack/react-router';
import { companiesQueryOptions } from '../features/companies/api/companies';
import { selectedCompany } from '../features/companies/selection';
import { NUMBER_STATUSES, type NumberStatus } from '../features/numbers/api/numbers-list';
import { meQueryOptions } from '../features/profile/api/me';
import { PROFILE_TABS, type ProfileTab } from '../features/profile/profile-tabs';
import { isApiError } from '../lib/api/errors';
import { deferredOnBoot } from './boot-deferral';
import { RoutePending } from './route-pending';

/** A route's component, loaded with its section's code and first rendered in the background on boot (boot-deferral.tsx). */
const lazyPage: typeof lazyRouteComponent = (importer, exportName) =>
  deferredOnBoot(lazyRouteComponent(importer, exportName));

export type RouterContext = { queryClient: QueryClient };

function optionalString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: lazyRouteComponent(() => import('../routes/not-found'), 'NotFoundPage'),
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/numbers' });
  },
});

// Pages for people who are not logged in.
const publicLayoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: lazyPage(() => import('./public-layout'), 'PublicLayout'),
});

export type LoginSearch = { redirect?: string };

const loginRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => {
    const target = optionalString(search.redirect);
    // Only same-site paths, never `//host` or absolute URLs.
    return { redirect: target?.startsWith('/') && !target.startsWith('//') ? target : undefined };
  },
});

const loginIndexRoute = createRoute({
  getParentRoute: () => loginRoute,
  path: '/',
  component: lazyPage(() => import('../routes/login'), 'LoginPage'),
});

const loginCodeRoute = createRoute({
  getParentRoute: () => loginRoute,
  path: 'code',
  component: lazyPage(() => import('../routes/login-code'), 'LoginCodePage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'forgot-password',
  component: lazyPage(() => import('../routes/forgot-password'), 'ForgotPasswordPage'),
});

export type ResetPasswordSearch = { token?: string };

// F02 steps 4–5: the page the e-mailed "link to reset credentials" opens.
const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'reset-password',
  validateSearch: (search: Record<string, unknown>): ResetPasswordSearch => ({ token: optionalString(search.token) }),
  component: lazyPage(() => import('../routes/reset-password'), 'ResetPasswordPage'),
});

// The portal itself: needs a session (GET /me).
export type AppSearch = { company?: string };

const appLayoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  validateSearch: (search: Record<string, unknown>): AppSearch => ({ company: optionalString(search.company) }),
  search: { middlewares: [retainSearchParams(['company'])] },
  beforeLoad: async ({ context, location, search }) => {
    // Asked for together with the session (route-preload.js has usually started both); a failure is the company
    // gate's to show, with its retry.
    const companies = context.queryClient.ensureQueryData(companiesQueryOptions()).catch(() => null);
    try {
      await context.queryClient.ensureQueryData(meQueryOptions());
    } catch (error) {
      if (isApiError(error) && (error.status === 401 || error.status === 403)) {
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
      throw error;
    }
    // The selected company goes into the address before the first render: put there afterwards (selected-company.tsx
    // does it when it changes), it made the whole page render again, synchronously, while it booted.
    const list = await companies;
    const company = list && selectedCompany(list.items, search.company);
    if (company && search.company !== String(company.id)) {
      throw redirect({
        to: location.pathname,
        search: { ...location.search, company: String(company.id) },
        replace: true,
      } as never);
    }
  },
  component: lazyPage(() => import('./app-layout'), 'AppLayout'),
});

export type NumbersSearch = { q?: string; status?: NumberStatus; tariff?: string };

const numbersRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: 'numbers',
});

const numbersIndexRoute = createRoute({
  getParentRoute: () => numbersRoute,
  path: '/',
  validateSearch: (search: Record<string, unknown>): NumbersSearch => {
    const status = optionalString(search.status);
    return {
      q: optionalString(search.q),
      status: NUMBER_STATUSES.find((candidate) => candidate === status),
      tariff: optionalString(search.tariff),
    };
  },
  component: lazyPage(() => import('../routes/numbers'), 'NumbersPage'),
});

const numberProfileRoute = createRoute({
  getParentRoute: () => numbersRoute,
  path: '$msisdn',
  component: lazyPage(() => import('../routes/number-profile'), 'NumberProfilePage'),
});

const documentsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: 'documents',
  component: lazyPage(() => import('../routes/documents'), 'DocumentsPage'),
});

const requestsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: 'requests',
  component: lazyPage(() => import('../routes/requests'), 'RequestsPage'),
});

const transferRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: 'transfer',
  component: lazyPage(() => import('../routes/transfer'), 'TransferPage'),
});

// Help for everyone (F50): the FAQ opens from the login page too. No redirect to /login: the layout only needs to
// know whether there is a session, to frame the page with the portal's header or the login pages' one.
const helpLayoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'help',
  validateSearch: (search: Record<string, unknown>): AppSearch => ({ company: optionalString(search.company) }),
  search: { middlewares: [retainSearchParams(['company'])] },
  beforeLoad: async ({ context }) => {
    try {
      await context.queryClient.ensureQueryData(meQueryOptions());
      return { loggedIn: true };
    } catch (error) {
      if (isApiError(error) && (error.status === 401 || error.status === 403)) return { loggedIn: false };
      throw error;
    }
  },
  component: lazyPage(() => import('./help-layout'), 'HelpLayout'),
});

const faqRoute = createRoute({
  getParentRoute: () => helpLayoutRoute,
  path: 'faq',
  component: lazyPage(() => import('../routes/faq'), 'FaqPage'),
});

export type ProfileSearch = { tab?: ProfileTab };

const profileRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: 'profile',
  validateSearch: (search: Record<string, unknown>): ProfileSearch => {
    const tab = optionalString(search.tab);
    return { tab: PROFILE_TABS.find((candidate) => candidate === tab) };
  },
  component: lazyPage(() => import('../routes/profile'), 'ProfilePage'),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  publicLayoutRoute.addChildren([
    loginRoute.addChildren([loginIndexRoute, loginCodeRoute]),
    forgotPasswordRoute,
    resetPasswordRoute,
  ]),
  appLayoutRoute.addChildren([
    numbersRoute.addChildren([numbersIndexRoute, numberProfileRoute]),
    documentsRoute,
    transferRoute,
    requestsRoute,
    profileRoute,
  ]),
  helpLayoutRoute.addChildren([faqRoute]),
]);

/** Flat `?key=value` search strings (no JSON quoting), all values strings. */
function parseSearch(searchStr: string): Record<string, unknown> {
  const params = new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr);
  const result: Record<string, string> = {};
  for (const [key, value] of params) result[key] = value;
  return result;
}

function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, typeof value === 'string' ? value : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data freshness is TanStack Query's job.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: RoutePending,
    defaultPendingMs: 300,
    parseSearch,
    stringifySearch,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
