import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

type ScrollableTableProps = {
  /** Below this width the table scrolls sideways inside its box instead of the page. */
  minWidth: number;
  /** Names the scrolling box for keyboard and screen-reader users (usually the table's caption). */
  label: string;
  children: ReactNode;
};

/**
 * A table that scrolls sideways on narrow screens. The scrolling box can be focused, so that a keyboard can scroll it
 * even when the table itself holds nothing focusable (WCAG 2.1.1).
 */
export function ScrollableTable({ minWidth, label, children }: ScrollableTableProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      tabIndex={0}
      role="group"
      aria-label={label}
      className="scroll-region"
    >
      {children}
    </Table.ScrollContainer>
  );
}
