import { ActionIcon, Popover, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { InfoIcon } from './icons';

type InfoHintProps = {
  /** Accessible name of the ⓘ button, e.g. "About: Termination date". */
  label: string;
  children: ReactNode;
  width?: number;
};

/**
 * The manual's ⓘ: a small button that opens a short explanation. A popover rather than a hover tooltip, so that it
 * works with a keyboard and on touch screens; Escape or a click elsewhere closes it.
 */
export function InfoHint({ label, children, width = 280 }: InfoHintProps) {
  return (
    <Popover width={width} position="top" withArrow shadow="md" withinPortal returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" radius="xl" aria-label={label} title={label}>
          <InfoIcon size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>{typeof children === 'string' ? <Text size="sm">{children}</Text> : children}</Popover.Dropdown>
    </Popover>
  );
}
