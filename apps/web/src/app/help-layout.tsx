import { Outlet, useRouteContext } from '@tanstack/react-router';
import { AppFrame } from './app-layout';
import { PublicLayout } from './public-layout';

/**
 * Pages open to everyone (the FAQ): inside the portal's header when logged in, in the login pages' frame when not.
 * Whether there is a session was settled before the page loaded (router.tsx, `helpLayoutRoute`).
 */
export function HelpLayout() {
  const { loggedIn } = useRouteContext({ from: '/help' });
  if (!loggedIn) return <PublicLayout />;
  return (
    <AppFrame>
      <Outlet />
    </AppFrame>
  );
}
