import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Text from the server with its e-mail addresses as mailto links (e.g. "send the register to email@kcell.kz"). */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(EMAIL)) {
    const index = match.index ?? 0;
    // A sentence's full stop right after the address is not part of it.
    const address = match[0].replace(/\.+$/, '');
    if (index > last) parts.push(text.slice(last, index));
    parts.push(
      <Anchor key={index} href={`mailto:${address}`} inherit fw={600}>
        {address}
      </Anchor>,
    );
    last = index + address.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
