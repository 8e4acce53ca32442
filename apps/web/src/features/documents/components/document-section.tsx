import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type DocumentSectionProps = {
  /** Anchor and heading id, e.g. `unallocated-payments`. */
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
};

/** One card of "Documents and reports", named by its heading. */
export function DocumentSection({ id, title, intro, children }: DocumentSectionProps) {
  return (
    <Paper
      component="section"
      id={id}
      aria-labelledby={`${id}-title`}
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      miw={0}
    >
      <Title order={2} id={`${id}-title`} fz="lg" mb={intro ? 4 : 'md'}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb="md">
          {intro}
        </Text>
      )}
      {children}
    </Paper>
  );
}
