import { type ComponentType, useDeferredValue, useEffect, useState } from 'react';

/**
 * The first screen's layout and page are built in the background on the page's initial load.
 *
 * The router hands its matches to React through a store (useSyncExternalStore), and React renders a store's updates
 * synchronously, in one task, whatever started them. So the layout and the page first rendered when their code and
 * data had arrived were long tasks (30–50 ms each on a desktop CPU, four times that on Lighthouse's phone: most of
 * its total blocking time). Here their first render returns nothing and React renders them again at once as a
 * deferred update, which it time-slices between input and painting. Nothing was on screen yet, so nothing flashes.
 *
 * Only while the app boots: afterwards a page opened from the menu renders at once, instead of a frame of blank page.
 */
let booted = false;

/** `false` on the first render of a component mounted while the app boots, `true` from the deferred render on. */
export function useBootDeferred(): boolean {
  const [defer] = useState(() => !booted);
  const ready = useDeferredValue(true, !defer);
  useEffect(() => {
    if (ready) booted = true;
  }, [ready]);
  return ready;
}

/** `Component`, first rendered in a deferred render when it mounts while the app boots (see above). */
export function deferredOnBoot<P extends object, C extends ComponentType<P>>(Component: C): C {
  const Wrapped = (props: P) => {
    const ready = useBootDeferred();
    const Inner = Component as ComponentType<P>;
    return ready ? <Inner {...props} /> : null;
  };
  // The router's lazy components carry `preload` (the route's code is fetched before it renders): keep it.
  Object.assign(Wrapped, Component);
  Wrapped.displayName = `DeferredOnBoot(${Component.displayName ?? Component.name ?? 'Component'})`;
  return Wrapped as unknown as C;
}
