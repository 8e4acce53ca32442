// Only the Mantine stylesheets the app's components use, in Mantine's order (vite/mantine-styles.ts).
import 'virtual:mantine-styles';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, Suspense, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { BootPending } from './app/route-pending';
import { createAppRouter } from './app/router';
import { setUnauthorizedHandler } from './lib/api/client';
import { initI18n } from './lib/i18n';

/**
 * Lets the browser run what is waiting (input, painting, responses arriving) between the boot's steps, so that each
 * step is a task of its own instead of one long task with the modules' evaluation (Lighthouse's blocking time).
 */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

initI18n();
const queryClient = createQueryClient();
await yieldToBrowser();
const router = createAppRouter(queryClient);
await yieldToBrowser();

const PUBLIC_PATHS = ['/login', '/forgot-password', '/reset-password', '/faq'];

// A 401 from any non-auth call means the session is gone: forget cached data and go to the login page.
setUnauthorizedHandler(() => {
  const { pathname, href } = router.state.location;
  if (PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return;
  queryClient.clear();
  void router.navigate({ to: '/login', search: { redirect: href } });
});

const container = document.getElementById('root');
if (!container) throw new Error('#root missing in index.html');

const root = createRoot(container);
// The first render as a transition: React time-slices it instead of building the whole first screen in one task
// (≈110 ms in Chromium's profile of the numbers list, the page's longest task before its data).
startTransition(() => {
  root.render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <Suspense fallback={<BootPending />}>
          <RouterProvider router={router} />
        </Suspense>
      </Providers>
    </StrictMode>,
  );
});
