import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

type SectionEmptyStateProps = {
  title: string;
  description: ReactNode;
  icon: ReactNode;
  children?: ReactNode;
};

/** A card telling that a section has nothing to show (yet). */
export function SectionEmptyState({ title, description, icon, children }: SectionEmptyStateProps) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState
        title={title}
        description={description}
        icon={icon}
        variant="light"
        styles={{ title: { fontWeight: 600 } }}
      >
        {children}
      </EmptyState>
    </Paper>
  );
}
